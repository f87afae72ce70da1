package casebird.twitter.rooms;

import casebird.api.PluginHealth;
import casebird.twitter.PluginAssembly;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.command.CommandService;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
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
 * The plugin's parts under X API v2 over a fake X with groups and a fake CRM whose queue
 * Support has alice, bob and carol, each with a linked X account; dave has an account and
 * is in no queue yet. Commands run through the real {@link CommandService}.
 */
abstract class RoomsFixture {

    static final long ALICE = 11;
    static final long BOB = 12;
    static final long CAROL = 13;
    static final long DAVE = 14;
    static final String SUPPORT = "Support";

    @TempDir Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T09:00:00Z"));
    final FakeTwitter twitter = new FakeTwitter(clock).account("alice_t", ALICE)
            .account("bob_t", BOB).account("carol_t", CAROL).account("dave_t", DAVE);
    final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", SUPPORT)
            .user("bob", "@bob_t", SUPPORT).user("carol", "@carol_t", SUPPORT)
            .user("dave", "@dave_t").dispatchedCase(1234, "Printer on fire", SUPPORT)
            .dispatchedCase(1235, "Fax jammed", SUPPORT);
    final List<PluginHealth> health = new ArrayList<>();
    StateStore store;
    PluginAssembly.Parts parts;
    private int notices;

    @BeforeEach
    void start() {
        store = StateStore.open(dir);
        parts = partsOver(twitter);
    }

    @AfterEach
    void stop() {
        store.close();
    }

    /** The parts as the plugin assembles them under v2, over {@code port}. */
    PluginAssembly.Parts partsOver(TwitterPort port) {
        return new PluginAssembly(TestSettings.from(Map.of("api", "v2")), clock, new Random(3))
                .parts(port, store, crm, new CommandService(crm)::handle, health::add);
    }

    /** Queues a notice to Support's room, as a rule with {@code to=queue-room} does. */
    void noticeToRoom(String text) {
        queueNotice(OutboxEntry.queued(Recipient.queueRoom(SUPPORT), text, false,
                clock.instant()));
    }

    /** Queues a notice to Support's room caused by that CRM user's action. */
    void noticeToRoom(String text, String actor) {
        queueNotice(OutboxEntry.queued(Recipient.queueRoom(SUPPORT), text, false,
                clock.instant()).causedBy(actor));
    }

    private void queueNotice(OutboxEntry entry) {
        store.outbox().appendNotices("event-" + ++notices, List.of(entry));
    }

    /** Sends until the outbox is empty, letting the pacer's and backoff's time pass. */
    void sendAll() {
        for (int i = 0; i < 20 && store.outbox().size() > 0; i++) {
            parts.sender().sendDue();
            clock.advance(Duration.ofMinutes(5));
        }
    }

    /** The latest health detail. */
    String healthDetail() {
        return health.isEmpty() ? "" : health.get(health.size() - 1).detail();
    }
}
