package casebird.twitter.outbox;

import casebird.api.PluginHealth;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.rooms.RoomPoster;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FailingTwitter;
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
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sender over a fake Twitter where alice (id {@link #ALICE}) and bob ({@link #BOB}) are
 * linked and carol has no handle, a store in a temporary folder, a budget and a fake clock;
 * health reports are recorded. Health warns past {@link #WARN_SIZE} DMs or {@link #WARN_AGE},
 * and when a DM has waited past {@link #MAX_DELAY}.
 */
abstract class OutboxFixture {

    static final long ALICE = 11;
    static final long BOB = 12;
    static final int WARN_SIZE = 5;
    static final Duration WARN_AGE = Duration.ofHours(1);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);

    @TempDir Path dir;
    final FakeTwitter twitter = new FakeTwitter().account("alice_t", ALICE).account("bob_t", BOB);
    final FailingTwitter failing = new FailingTwitter(twitter);
    final FakeCrm crm = new FakeCrm().user("alice", "@alice_t").user("bob", "@bob_t")
            .user("carol", null);
    final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    final List<PluginHealth> health = new ArrayList<>();
    StateStore store;
    ApiBudget budget;
    OutboxSender sender;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
        Backoff backoff =
                new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(7));
        budget = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofSeconds(1), backoff, limits(), Optional.empty());
        BudgetedTwitter budgeted = new BudgetedTwitter(failing, budget);
        AgentDirectory directory = new AgentDirectory(crm, "twitter", twitter, store.pins());
        HealthTracker tracker = new HealthTracker(health::add, store.outbox()::size, Map::of);
        sender = new OutboxSender(store.outbox(), budgeted, directory, backoff, clock, tracker,
                budget, new OutboxBounds(WARN_AGE, WARN_SIZE, MAX_DELAY), new RoomPoster(budgeted,
                        store.rooms(), crm, directory, clock, tracker, Optional.empty()));
    }

    /** The API limits the budget assumes: v1.1's unless a test class says otherwise. */
    ApiLimits limits() {
        return ApiLimits.v1_1();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    void queue(Recipient to, String text, boolean reply) {
        OutboxEntry entry = OutboxEntry.queued(to, text, reply, clock.instant());
        store.outbox().appendNotices("event-" + text, List.of(entry));
    }

    static TwitterApiException failure(int status, int code, OptionalLong reset) {
        return new TwitterApiException("test", status, code, reset, null);
    }

    /** The detail of the latest health report. */
    String lastDetail() {
        return health.isEmpty() ? "" : health.get(health.size() - 1).detail();
    }
}
