package casebird.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.client.Endpoint;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.outbox.OutboxBounds;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.outbox.Recipient;
import casebird.twitter.rooms.RoomPoster;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes the outbox sender at each step of sending a joined DM (several notices to one
 * agent in one DM, as the send limit forces) and runs a fresh sender on the store file the
 * crash left: every notice arrives, and only a crash between X accepting the joined DM and
 * its removal sends it again, whole, never a part of it on its own.
 */
class JoinedDmCrashTest {

    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final List<String> TO_ALICE = List.of("New case 1", "New case 2",
            "New case 3");

    @TempDir Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void aJoinedDmIsRemovedWholeSoACrashNeverSplitsOrLosesIt() throws IOException {
        for (int crashAt = 1; crashAt <= 3; crashAt++) {
            // Given three notices to alice and one to bob, with one send left in the window
            FakeTwitter twitter = new FakeTwitter().account("alice_t", ALICE)
                    .account("bob_t", BOB);
            CrashingSteps steps = new CrashingSteps(crashAt);
            Path first = Files.createDirectories(root.resolve("run-" + crashAt).resolve("a"));
            String crashed = null;
            try (StateStore store = StateStore.open(first)) {
                for (String text : TO_ALICE) {
                    queue(store, ALICE, text);
                }
                queue(store, BOB, "New case 1");
                OutboxSender sender = sender(store, new CrashingTwitter(twitter, steps), 1);
                steps.arm();
                // When the joined DM to alice is sent and the process dies at one step
                try {
                    sender.sendDue();
                } catch (Crash crash) {
                    crashed = crash.getMessage();
                }
                steps.disarm();
            }
            // Then a fresh start on the file delivers everything, the joined DM at most twice
            try (StateStore store = StateStore.open(first)) {
                OutboxSender again = sender(store, twitter, 2);
                for (int i = 0; i < 20 && store.outbox().size() > 0; i++) {
                    again.sendDue();
                    clock.advance(Duration.ofMinutes(1));
                }
            }
            String joined = String.join("\n", TO_ALICE);
            int times = CrashAtEveryStepTest.AFTER_SEND.equals(crashed) ? 2 : 1;
            assertEquals(java.util.Collections.nCopies(times, joined), twitter.textsTo(ALICE),
                    "crash " + crashed);
            assertEquals(List.of("New case 1"), twitter.textsTo(BOB), "crash " + crashed);
        }
    }

    private void queue(StateStore store, long to, String text) {
        store.outbox().appendNotices("event-" + to + text, List.of(OutboxEntry.queued(
                Recipient.twitterId(to), text, false, clock.instant())));
    }

    private OutboxSender sender(StateStore store, casebird.twitter.client.TwitterPort port,
            int sendsLeft) {
        Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5),
                new Random(7));
        ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofSeconds(1), backoff, ApiLimits.v2(), Optional.empty());
        budget.learn(Endpoint.DM_SEND, 15, sendsLeft,
                clock.instant().plusSeconds(600).getEpochSecond());
        FakeCrm crm = new FakeCrm();
        BudgetedTwitter budgeted = new BudgetedTwitter(port, budget);
        AgentDirectory directory =
                new AgentDirectory(crm, "twitter", new FakeTwitter(), store.pins());
        HealthTracker health = new HealthTracker(h -> { }, store.outbox()::size, Map::of);
        return new OutboxSender(store.outbox(), budgeted, directory, backoff, clock, health,
                budget, new OutboxBounds(Duration.ofHours(1), 1_000, Duration.ofMinutes(15)),
                new RoomPoster(budgeted, store.rooms(), crm, directory, clock, health,
                        Optional.empty()));
    }
}
