package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.testing.FakeTwitter;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook deliveries take the poller's path: same filters, key and processed record. */
class DeliveredEventsTest extends PollerFixture {

    @BeforeEach
    void firstPoll() {
        poller.pollOnce();
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
        assertEquals(1, store.outbox().size());
    }

    @Test
    void anEventDeliveredTwiceAndThenPolledRunsOnce() {
        DmEvent e = listed(twitter.dmToBot(ALICE, "accept 1234"));

        poller.handleDelivered(delivery(e));
        poller.handleDelivered(delivery(e));
        poller.pollOnce();

        assertEquals(1, commands.size());
        assertEquals(1, store.outbox().size());
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
        DmEvent old = new DmEvent(store.position().floor(), ALICE, FakeTwitter.BOT_ID, "help",
                clock.instant());

        poller.handleDelivered(delivery(old));

        assertEquals(List.of(), commands);
    }

    @Test
    void deliveriesFromUnknownSendersReadTheDirectoryAtMostOncePerGap() {
        int before = crm.directoryReads();
        for (int i = 0; i < 5; i++) {
            poller.handleDelivered(delivery(new DmEvent(9100 + i, 500 + i, FakeTwitter.BOT_ID,
                    "help", clock.instant())));
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(before + 1, crm.directoryReads());

        clock.advance(AgentDirectory.DELIVERY_REFRESH_GAP);
        poller.handleDelivered(delivery(new DmEvent(9200, 600, FakeTwitter.BOT_ID, "help",
                clock.instant())));

        assertEquals(before + 2, crm.directoryReads());
    }

    @Test
    void anAgentLinkedAfterAnUnknownSendersDeliveryIsKnownOnceTheGapHasPassed() {
        poller.handleDelivered(delivery(new DmEvent(9100, 500, FakeTwitter.BOT_ID, "help",
                clock.instant())));
        twitter.account("bob_t", 12);
        crm.user("bob", "@bob_t", "Support");
        clock.advance(AgentDirectory.DELIVERY_REFRESH_GAP);

        poller.handleDelivered(delivery(new DmEvent(9101, 12, FakeTwitter.BOT_ID, "mine",
                clock.instant())));

        assertEquals(List.of("bob|9101|mine"), commands);
    }

    @Test
    void anXaaEventForAnotherUserHasNoEffect() {
        DmEvent e = listed(twitter.dmToBot(ALICE, "accept 1234"));
        String body = "{\"data\":{\"event_type\":\"dm.received\",\"filter\":{\"user_id\":"
                + "\"4242\"},\"payload\":{\"direct_message_events\":[{\"type\":"
                + "\"message_create\",\"id\":\"" + e.id() + "\",\"created_timestamp\":\""
                + e.createdAt().toEpochMilli() + "\",\"message_create\":{\"target\":"
                + "{\"recipient_id\":\"" + FakeTwitter.BOT_ID + "\"},\"sender_id\":\"" + ALICE
                + "\",\"message_data\":{\"text\":\"accept 1234\"}}}]}}}";

        poller.handleDelivered(casebird.twitter.client.v1.DeliveryJson.parse(body));
        assertEquals(List.of(), commands);

        poller.handleDelivered(casebird.twitter.client.v1.DeliveryJson.parse(
                body.replace("\"4242\"", "\"" + FakeTwitter.BOT_ID + "\"")));
        assertEquals(1, commands.size());
    }
}
