package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.state.StateStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DirectMessagePollerTest extends PollerFixture {

    private static final long MALLORY = 66;

    private List<String> replyTexts() {
        return store.outbox().entries().stream().map(OutboxEntry::text).toList();
    }

    @Test
    void firstStartSetsThePositionAndRunsNothingOlder() {
        long old = twitter.dmToBot(ALICE, "accept 1");

        poller.pollOnce();

        assertEquals(List.of(), commands);
        assertEquals(old, store.position().position().getAsLong());
        assertTrue(health.get(health.size() - 1).lastSuccessfulPoll().isPresent());
    }

    @Test
    void newMessagesRunOldestFirstAsTheMappedUser() {
        poller.pollOnce();
        long first = twitter.dmToBot(ALICE, "accept 1");
        long second = twitter.dmToBot(ALICE, "log 1 called");

        poller.pollOnce();

        assertEquals(List.of("alice|" + first + "|accept 1", "alice|" + second + "|log 1 called"),
                commands);
        assertEquals(List.of("did accept 1", "did log 1 called"), replyTexts());
    }

    @Test
    void theBotsOwnSentMessagesAreNeverHandled() {
        poller.pollOnce();
        twitter.send(ALICE, "New case 1");

        poller.pollOnce();

        assertEquals(List.of(), commands);
        assertEquals(List.of(), replyTexts());
    }

    @Test
    void pagesBackUntilItReachesThePosition() {
        twitter.pageSize(2);
        poller.pollOnce();
        for (int i = 1; i <= 5; i++) {
            twitter.dmToBot(ALICE, "status " + i);
        }

        poller.pollOnce();

        assertEquals(5, commands.size());
        assertTrue(commands.get(0).endsWith("status 1"));
        assertEquals(Optional.of("2"), twitter.listCalls().get(2));
        assertEquals(Optional.of("4"), twitter.listCalls().get(3));
    }

    @Test
    void processedEventsAreNotRepeatedAfterARestart() {
        poller.pollOnce();
        twitter.dmToBot(ALICE, "accept 1");
        poller.pollOnce();
        store.close();

        store = StateStore.open(dir);
        newPoller((login, id, text) -> {
            commands.add("again " + text);
            return handled(text, "again");
        }).pollOnce();

        assertEquals(1, commands.size());
    }

    @Test
    void aFailedCommandIsRetriedOnTheNextPoll() {
        poller.pollOnce();
        twitter.dmToBot(ALICE, "accept 1");
        newPoller((login, id, text) -> {
            throw new IllegalStateException("CRM down");
        }).pollOnce();

        poller.pollOnce();

        assertEquals(1, commands.size());
        assertEquals(List.of("did accept 1"), replyTexts());
    }

    @Test
    void anUnlinkedSenderGetsOneShortReplyPerIntervalAndNoCommand() {
        poller.pollOnce();
        twitter.dmToBot(MALLORY, "accept 1");
        twitter.dmToBot(MALLORY, "accept 2");

        poller.pollOnce();
        clock.advance(Duration.ofHours(25));
        twitter.dmToBot(MALLORY, "accept 3");
        poller.pollOnce();

        assertEquals(List.of(), commands);
        assertEquals(List.of(UnlinkedReplyGate.REPLY, UnlinkedReplyGate.REPLY), replyTexts());
    }
}
