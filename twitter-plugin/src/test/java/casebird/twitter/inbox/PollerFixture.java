package casebird.twitter.inbox;

import casebird.api.PluginHealth;
import casebird.twitter.PluginAssembly;
import casebird.twitter.budget.Backoff;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import casebird.twitter.testing.TestSettings;
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
    /** A failing command is tried {@link #ATTEMPTS} times, backing off from 2 s. */
    private static final PluginSettings SETTINGS = TestSettings.from(Map.of(
            "catch-up-margin", "1ms", "command-attempts", String.valueOf(ATTEMPTS),
            "retry-base", "2s", "retry-cap", "1m"));

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

    /** A poller as the plugin assembles it, looking back 1 ms for late events. */
    DirectMessagePoller newPoller(CommandRunner runner) {
        return new PluginAssembly(SETTINGS, clock, new Random(1))
                .parts(twitter, store, crm, runner, health::add).poller();
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
