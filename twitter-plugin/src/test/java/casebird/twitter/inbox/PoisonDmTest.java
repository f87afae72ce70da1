package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoisonDmTest extends PollerFixture {

    private final List<String> poisonAttempts = new ArrayList<>();

    /** A runner whose CRM fails on every call about case 1234 and answers all others. */
    private CommandRunner poisonedAt1234() {
        CommandRunner others = recording();
        return (login, eventId, text) -> {
            if (text.contains("1234")) {
                poisonAttempts.add(eventId);
                throw new IllegalStateException("CRM failed");
            }
            return others.run(login, eventId, text);
        };
    }

    @BeforeEach
    void poisonTheCrm() {
        poller.pollOnce();
        poller = newPoller(poisonedAt1234());
    }

    private void pollEveryMinute(int polls) {
        for (int i = 0; i < polls; i++) {
            poller.pollOnce();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    private List<String> replyTexts() {
        return store.outbox().entries().stream().map(OutboxEntry::text).toList();
    }

    @Test
    void aFailedCommandIsNotTriedAgainBeforeItsBackoff() {
        twitter.dmToBot(ALICE, "accept 1234");

        poller.pollOnce();
        poller.pollOnce();

        assertEquals(1, poisonAttempts.size());
    }

    @Test
    void aPoisonDmIsParkedAfterItsAttemptsAndLaterDmsRun() {
        long poison = twitter.dmToBot(ALICE, "accept 1234");
        long later = twitter.dmToBot(ALICE, "status 5");

        pollEveryMinute(ATTEMPTS + 2);

        assertEquals(ATTEMPTS, poisonAttempts.size());
        assertEquals(List.of("alice|" + later + "|status 5"), commands);
        assertEquals(List.of("Your accept command on case 1234 could not be done now:"
                + " the CRM failed.", "did status 5"), replyTexts());
        assertTrue(store.processed().isProcessed(poison));
        String detail = health.get(health.size() - 1).detail();
        assertTrue(detail.contains("DM " + poison + " (case 1234)"), detail);
    }

    @Test
    void aParkedDmNeverRunsAgainAfterARestartAndHealthStillNamesIt() {
        long poison = twitter.dmToBot(ALICE, "log 1234 called");
        pollEveryMinute(ATTEMPTS);
        store.close();

        store = StateStore.open(dir);
        newPoller(recording()).pollOnce();

        assertEquals(List.of(), commands);
        String detail = health.get(health.size() - 1).detail();
        assertTrue(detail.contains("DM " + poison + " (case 1234)"), detail);
    }

    @Test
    void parkingLeavesOneAuditLineWithItsOutcome() {
        long poison = twitter.dmToBot(ALICE, "close 1234 fixed");
        pollEveryMinute(ATTEMPTS - 1);

        String log = LogCapture.during(poller::pollOnce);

        assertEquals(List.of("dm event=" + poison
                + " sender=11 user=? verb=close case=1234 outcome=parked"),
                log.lines().filter(l -> l.contains("casebird.audit"))
                        .map(l -> l.substring(l.indexOf("dm event="))).toList());
    }

    @Test
    void aPushedPoisonDmIsParkedWithoutMovingThePosition() {
        poller.pollOnce();
        long position = store.position().position().getAsLong();
        long poison = twitter.dmToBot(ALICE, "accept 1234");
        DmEvent pushed = twitter.listEvents(Optional.empty()).events().get(0);

        for (int i = 0; i < ATTEMPTS + 1; i++) {
            poller.handleDelivered(
                    new Delivery(OptionalLong.of(FakeTwitter.BOT_ID), List.of(pushed)));
            clock.advance(Duration.ofMinutes(1));
        }

        assertEquals(poison, pushed.id());
        assertEquals(ATTEMPTS, poisonAttempts.size());
        assertTrue(store.processed().isProcessed(poison));
        assertEquals(position, store.position().position().getAsLong());
        assertEquals(1, store.outbox().size());
    }
}
