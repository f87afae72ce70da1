package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Catch-up after downtime: complete, late events once, nothing from before the install. */
class CatchUpTest {

    private static final long ALICE = 11;
    private static final Duration MARGIN = Duration.ofMinutes(2);

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock).account("alice_t", ALICE);
    private final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
    private final List<String> commands = new ArrayList<>();
    private StateStore store;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private DirectMessagePoller poller(boolean deleteHandled) {
        return new DirectMessagePoller(twitter, store.position(), store.processed(), store.parked(),
                new AgentDirectory(crm, "twitter", twitter, store.pins()),
                (login, eventId, text) -> {
                    commands.add(text);
                    return new Handled(CommandParser.parse(text), Outcome.HELP, "did " + text);
                },
                new UnlinkedReplyGate(store.unlinkedTally(), Duration.ofHours(24), 50),
                PollerFixture.policy(MARGIN, deleteHandled), clock,
                new HealthTracker(h -> { }, store.outbox()::size, Map::of), store.rooms());
    }

    private void dmsEverySecond(String prefix, int count) {
        for (int i = 1; i <= count; i++) {
            clock.advance(Duration.ofSeconds(1));
            twitter.dmToBot(ALICE, prefix + " " + i);
        }
    }

    @Test
    void catchUpAfterLongDowntimeReadsEveryPageAndRunsAllOldestFirst() {
        twitter.pageSize(2);
        DirectMessagePoller poller = poller(false);
        poller.pollOnce();
        clock.advance(Duration.ofDays(3));
        dmsEverySecond("status", 30);
        clock.advance(Duration.ofDays(3));

        poller.pollOnce();

        assertEquals(30, commands.size());
        assertEquals("status 1", commands.get(0));
        assertEquals("status 30", commands.get(29));
    }

    @Test
    void anEventThatSurfacesLateWithinTheMarginRunsOnce() {
        DirectMessagePoller poller = poller(false);
        poller.pollOnce();
        long late = twitter.reserveEventId();
        Instant lateCreated = clock.instant();
        dmsEverySecond("status", 3);
        poller.pollOnce();

        twitter.surface(late, ALICE, "accept 7", lateCreated);
        poller.pollOnce();
        poller.pollOnce();

        assertEquals(List.of("status 1", "status 2", "status 3", "accept 7"), commands);
    }

    @Test
    void eventsFromBeforeTheInstallNeverRunEvenWithinTheMargin() {
        dmsEverySecond("accept", 3);
        DirectMessagePoller poller = poller(false);
        poller.pollOnce();
        dmsEverySecond("status", 1);

        poller.pollOnce();

        assertEquals(List.of("status 1"), commands);
    }

    @Test
    void processedIdsAreKeptThirtyDaysThenPruned() {
        DirectMessagePoller poller = poller(false);
        poller.pollOnce();
        long id = twitter.dmToBot(ALICE, "status 1");
        poller.pollOnce();

        clock.advance(Duration.ofDays(30));
        poller.pollOnce();
        boolean keptAt30 = store.processed().isProcessed(id);
        clock.advance(Duration.ofDays(2));
        poller.pollOnce();

        assertTrue(keptAt30);
        assertFalse(store.processed().isProcessed(id));
    }

    @Test
    void catchUpWorksTheSameWhenHandledDmsAreDeleted() {
        twitter.pageSize(2);
        DirectMessagePoller poller = poller(true);
        DeletionSweeper sweeper =
                new DeletionSweeper(store.deletions(), twitter, Duration.ofMinutes(1), clock);
        poller.pollOnce();
        dmsEverySecond("status", 4);
        poller.pollOnce();
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofMinutes(1));
            sweeper.sweepOnce();
        }
        List<Long> listedAfterSweep = twitter.listedIds();
        clock.advance(Duration.ofDays(2));
        dmsEverySecond("log", 5);

        poller.pollOnce();
        poller.pollOnce();

        assertEquals(List.of(), listedAfterSweep);
        assertEquals(List.of("status 1", "status 2", "status 3", "status 4",
                "log 1", "log 2", "log 3", "log 4", "log 5"), commands);
        assertEquals(5, store.deletions().next(10).size());
    }
}
