package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.PluginHealth;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.OutboxEntry;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectMessagePollerTest {

    private static final long ALICE = 11;
    private static final long MALLORY = 66;

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock).account("alice_t", ALICE);
    private final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
    private final List<String> commands = new ArrayList<>();
    private final List<PluginHealth> health = new ArrayList<>();
    private StateStore store;
    private DirectMessagePoller poller;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
        poller = newPoller(recording());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private DirectMessagePoller newPoller(CommandRunner runner) {
        return newPoller(runner, new InboxPolicy(Duration.ZERO, false));
    }

    private DirectMessagePoller newPoller(CommandRunner runner, InboxPolicy policy) {
        HealthTracker tracker = new HealthTracker(health::add, store::outboxSize, Map::of);
        return new DirectMessagePoller(twitter, store,
                new AgentDirectory(crm, "twitter", twitter, store), runner,
                new UnlinkedReplyGate(store, Duration.ofHours(24), 50), policy, clock, tracker);
    }

    private CommandRunner recording() {
        return (login, eventId, text) -> {
            commands.add(login + "|" + eventId + "|" + text);
            return handled(text, "did " + text);
        };
    }

    private static Handled handled(String text, String reply) {
        return new Handled(CommandParser.parse(text), Outcome.HELP, reply);
    }

    private List<String> replyTexts() {
        return store.outbox().stream().map(OutboxEntry::text).toList();
    }

    @Test
    void firstStartSetsThePositionAndRunsNothingOlder() {
        long old = twitter.dmToBot(ALICE, "accept 1");

        poller.pollOnce();

        assertEquals(List.of(), commands);
        assertEquals(old, store.position().getAsLong());
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
