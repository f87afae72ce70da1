package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.api.PluginHealth;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import casebird.twitter.twitter.DeliveryJson.Delivery;
import casebird.twitter.twitter.DmEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook deliveries take the poller's path: same filters, key and processed record. */
class DeliveredEventsTest {

    private static final long ALICE = 11;

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock).account("alice_t", ALICE);
    private final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
    private final List<String> commands = new ArrayList<>();
    private final List<PluginHealth> health = new ArrayList<>();
    private StateStore store;
    private DirectMessagePoller poller;

    @BeforeEach
    void startPolling() {
        store = StateStore.open(dir);
        HealthTracker tracker = new HealthTracker(health::add, store::outboxSize, Map::of);
        poller = new DirectMessagePoller(twitter, store,
                new AgentDirectory(crm, "twitter", twitter, store),
                (login, eventId, text) -> {
                    commands.add(login + "|" + eventId + "|" + text);
                    return new Handled(CommandParser.parse(text), Outcome.HELP, "did " + text);
                },
                new UnlinkedReplyGate(store, Duration.ofHours(24), 50),
                new InboxPolicy(Duration.ZERO, false), clock, tracker);
        poller.pollOnce();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private DmEvent listed(long id) {
        return twitter.listEvents(java.util.Optional.empty()).events().stream()
                .filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    private static Delivery delivery(DmEvent... events) {
        return new Delivery(OptionalLong.of(FakeTwitter.BOT_ID), List.of(events));
    }

    @Test
    void aDeliveredCommandRunsWithTheEventsKeyAndQueuesItsReply() {
        DmEvent e = listed(twitter.dmToBot(ALICE, "accept 1234"));

        poller.handleDelivered(delivery(e));

        assertEquals(List.of("alice|" + e.id() + "|accept 1234"), commands);
        assertEquals(1, store.outboxSize());
    }

    @Test
    void anEventDeliveredTwiceAndThenPolledRunsOnce() {
        DmEvent e = listed(twitter.dmToBot(ALICE, "accept 1234"));

        poller.handleDelivered(delivery(e));
        poller.handleDelivered(delivery(e));
        poller.pollOnce();

        assertEquals(1, commands.size());
        assertEquals(1, store.outboxSize());
    }

    @Test
    void aLostDeliveryIsCaughtByTheNextPollEvenAfterANewerOneWasDelivered() {
        long lost = twitter.dmToBot(ALICE, "log 1234 first");
        clock.advance(Duration.ofMinutes(30));
        DmEvent delivered = listed(twitter.dmToBot(ALICE, "log 1234 second"));

        poller.handleDelivered(delivery(delivered));
        poller.pollOnce();

        assertEquals(List.of("alice|" + delivered.id() + "|log 1234 second",
                "alice|" + lost + "|log 1234 first"), commands);
    }

    @Test
    void theBotsOwnDmsAndDmsForAnotherUserAreIgnored() {
        DmEvent own = new DmEvent(9001, FakeTwitter.BOT_ID, ALICE, "help", clock.instant());
        DmEvent toBot = new DmEvent(9002, ALICE, FakeTwitter.BOT_ID, "help", clock.instant());

        poller.handleDelivered(delivery(own));
        poller.handleDelivered(new Delivery(OptionalLong.of(ALICE), List.of(toBot)));

        assertEquals(List.of(), commands);
    }

    @Test
    void anEventAtOrBelowTheInstallFloorIsIgnored() {
        DmEvent old = new DmEvent(store.floor(), ALICE, FakeTwitter.BOT_ID, "help",
                clock.instant());

        poller.handleDelivered(delivery(old));

        assertEquals(List.of(), commands);
    }
}
