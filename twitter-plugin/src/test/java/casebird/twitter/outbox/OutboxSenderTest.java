package casebird.twitter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.budget.Backoff;
import casebird.twitter.client.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutboxSenderTest extends OutboxFixture {

    @Test
    void aLoginIsSentToItsResolvedTwitterIdRepliesFirst() {
        queue(Recipient.login("alice"), "notice", false);
        queue(Recipient.twitterId(ALICE), "reply", true);

        assertEquals(2, sender.sendDue());

        assertEquals(List.of("reply", "notice"), twitter.textsTo(ALICE));
        assertEquals(0, store.outbox().size());
    }

    @Test
    void aTransientFailureIsRetriedAfterABackoffNoSooner() {
        queue(Recipient.login("alice"), "notice", false);
        failing.failNextSend(failure(503, -1, OptionalLong.empty()));

        sender.sendDue();
        OutboxEntry retried = store.outbox().entries().get(0);
        Instant due = retried.notBefore().isAfter(budget.readyAt(Endpoint.DM_SEND))
                ? retried.notBefore() : budget.readyAt(Endpoint.DM_SEND);
        Duration wait = Duration.between(clock.instant(), due);
        clock.advance(wait.minusMillis(1));
        int early = sender.sendDue();
        clock.advance(Duration.ofMillis(1));
        int onTime = sender.sendDue();

        assertEquals(1, retried.attempts());
        assertTrue(wait.toMillis() > 0 && wait.toMillis() <= 2_000, "waited " + wait);
        assertEquals(List.of(0, 1), List.of(early, onTime));
        assertEquals(List.of("notice"), twitter.textsTo(ALICE));
    }

    @Test
    void backoffGrowsExponentiallyWithFullJitterUpToTheCap() {
        Backoff backoff =
                new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(10), new Random(1));

        for (int failures = 1; failures <= 8; failures++) {
            long ceiling = Math.min(10_000, 2_000L << (failures - 1));
            for (int i = 0; i < 50; i++) {
                long d = backoff.delayAfter(failures).toMillis();
                assertTrue(d >= 0 && d <= ceiling, "delay " + d + " > " + ceiling);
            }
        }
    }

    @Test
    void aRecipientTwitterRefusesIsDroppedNotRetried() {
        queue(Recipient.login("alice"), "notice", false);
        failing.failNextSend(failure(403, 349, OptionalLong.empty()));

        sender.sendDue();
        clock.advance(Duration.ofHours(1));
        sender.sendDue();

        assertEquals(0, store.outbox().size());
        assertEquals(List.of(), twitter.sent());
    }

    @Test
    void aRateLimitPausesSendingUntilTheResetHeaderPlusTheMargin() {
        queue(Recipient.login("alice"), "notice", false);
        long reset = clock.instant().plusSeconds(60).getEpochSecond();
        failing.failNextSend(failure(429, 88, OptionalLong.of(reset)));

        sender.sendDue();
        clock.advance(Duration.ofSeconds(60));
        sender.sendDue();
        assertEquals(List.of(), twitter.sent());
        clock.advance(Duration.ofSeconds(1));
        sender.sendDue();

        assertEquals(List.of("notice"), twitter.textsTo(ALICE));
    }

    @Test
    void aLoginWithoutHandleIsDroppedWithoutACall() {
        queue(Recipient.login("carol"), "notice", false);

        sender.sendDue();

        assertEquals(0, store.outbox().size());
        assertEquals(List.of(), twitter.sent());
    }
}
