package casebird.twitter.inbox;

import casebird.api.PluginHealth;
import casebird.twitter.budget.Backoff;
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
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A poller over a fake Twitter where alice (id {@link #ALICE}) is linked, a store in a
 * temporary folder, and a command runner that records each command and answers "did ...".
 */
abstract class PollerFixture {

    static final long ALICE = 11;
    static final int ATTEMPTS = 3;

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final FakeTwitter twitter = new FakeTwitter(clock).account("alice_t", ALICE);
    final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
    final List<String> commands = new ArrayList<>();
    final List<PluginHealth> health = new ArrayList<>();
    StateStore store;
    DirectMessagePoller poller;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
        poller = newPoller(recording());
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    DirectMessagePoller newPoller(CommandRunner runner) {
        return newPoller(runner, policy(Duration.ZERO, false));
    }

    DirectMessagePoller newPoller(CommandRunner runner, InboxPolicy policy) {
        HealthTracker tracker = new HealthTracker(health::add, store.outbox()::size, Map::of);
        return new DirectMessagePoller(twitter, store.position(), store.processed(),
                store.parked(), new AgentDirectory(crm, "twitter", twitter, store.pins()),
                runner, new UnlinkedReplyGate(store.unlinkedTally(), Duration.ofHours(24), 50),
                policy, clock, tracker);
    }

    /** A policy trying a failing command {@link #ATTEMPTS} times, backing off from 2 s. */
    static InboxPolicy policy(Duration lookBack, boolean deleteHandled) {
        return new InboxPolicy(lookBack, deleteHandled, ATTEMPTS,
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(1), new Random(1)));
    }

    CommandRunner recording() {
        return (login, eventId, text) -> {
            commands.add(login + "|" + eventId + "|" + text);
            return handled(text, "did " + text);
        };
    }

    static Handled handled(String text, String reply) {
        return new Handled(CommandParser.parse(text), Outcome.HELP, reply);
    }
}
