package casebird.twitter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.budget.ApiLimits;
import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.FakeTwitter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The notice bound under X API v2's send limit (15 DMs per 15 minutes, none free): every
 * notice reaches its recipient within {@link #MAX_DELAY} or rides in the next DM to that
 * recipient, replies first, and health says when even that cannot keep the bound.
 */
class NoticeBoundTest extends OutboxFixture {

    private final Map<String, Instant> queuedAt = new HashMap<>();
    private final Map<String, Instant> deliveredAt = new HashMap<>();

    @Override
    ApiLimits limits() {
        return ApiLimits.v2();
    }

    @Test
    void underAFloodOfRepliesEveryNoticeArrivesWithinTheBoundJoinedIntoTheNextDm() {
        // Given two agents whose commands ask for 120 replies an hour, and 60 notices an
        // hour for them: three times what 15 sends per 15 minutes carry one by one.
        Instant end = clock.instant().plus(Duration.ofHours(2));
        int tick = 0;
        // When the sender runs every 10 seconds for two hours, and then until it drains
        while (clock.instant().isBefore(end) || store.outbox().size() > 0) {
            if (clock.instant().isBefore(end) && tick % 3 == 0) {
                queueTracked(tick % 2 == 0 ? "alice" : "bob", "reply " + tick, true);
            }
            if (clock.instant().isBefore(end) && tick % 6 == 0) {
                queueTracked(tick % 12 == 0 ? "bob" : "alice", "notice " + tick, false);
            }
            sender.sendDue();
            recordDeliveries();
            clock.advance(Duration.ofSeconds(10));
            tick++;
        }

        // Then every notice arrived, none later than the bound
        for (Map.Entry<String, Instant> q : queuedAt.entrySet()) {
            Instant at = deliveredAt.get(q.getKey());
            assertTrue(at != null, q.getKey() + " never arrived");
            if (q.getKey().startsWith("notice")) {
                Duration delay = Duration.between(q.getValue(), at);
                assertTrue(delay.compareTo(MAX_DELAY) <= 0, q.getKey() + " took " + delay);
            }
        }
    }

    @Test
    void aJoinedDmPutsTheRepliesBeforeTheNotices() {
        budget.learn(Endpoint.DM_SEND, 15, 1, clock.instant().plusSeconds(600).getEpochSecond());
        queue(Recipient.twitterId(ALICE), "New case 1", false);
        queue(Recipient.twitterId(ALICE), "New case 2", false);
        queue(Recipient.twitterId(ALICE), "Accepted case 1.", true);

        sender.sendDue();

        assertEquals(List.of("Accepted case 1.\nNew case 1\nNew case 2"),
                twitter.textsTo(ALICE));
        assertEquals(0, store.outbox().size());
    }

    @Test
    void aRoomCountsAsOneRecipientSoItsNoticesBecomeOneJoinedRoomMessage() {
        crm.user("alice", "@alice_t", "Support").user("bob", "@bob_t", "Support");
        budget.learn(Endpoint.DM_SEND, 15, 1, clock.instant().plusSeconds(600).getEpochSecond());
        queue(Recipient.queueRoom("Support"), "New case 1", false);
        queue(Recipient.queueRoom("Support"), "New case 2", false);
        queue(Recipient.queueRoom("Support"), "New case 3", false);

        sender.sendDue();

        assertEquals(1, twitter.groups().size());
        assertEquals(List.of("New case 1\nNew case 2\nNew case 3"),
                twitter.textsInGroup(twitter.groups().get(0).id()));
        assertEquals(List.of(), twitter.sent());
        assertEquals(0, store.outbox().size());
    }

    @Test
    void theLastSendOfTheWindowGoesToAReplyBeforeAnOlderNotice() {
        budget.learn(Endpoint.DM_SEND, 15, 1, clock.instant().plusSeconds(600).getEpochSecond());
        queue(Recipient.twitterId(ALICE), "New case 1", false);
        queue(Recipient.twitterId(BOB), "Accepted case 1.", true);

        sender.sendDue();

        assertEquals(List.of("Accepted case 1."), twitter.textsTo(BOB));
        assertEquals(List.of(), twitter.textsTo(ALICE));
    }

    @Test
    void healthSaysHowFarBehindTheNoticesAreWhenSendingIsHeld() {
        Instant reset = clock.instant().plus(Duration.ofHours(2));
        budget.learn(Endpoint.DM_SEND, 15, 0, reset.getEpochSecond());
        queue(Recipient.twitterId(ALICE), "New case 1", false);

        sender.sendDue();
        clock.advance(Duration.ofMinutes(20));
        sender.sendDue();

        assertTrue(lastDetail().contains("notices are behind: the oldest waiting DM has waited"
                + " 20m, over notice-max-delay 15m; sending is held until " + reset.plusSeconds(1)),
                lastDetail());
        assertEquals(List.of(), twitter.sent());
    }

    private void queueTracked(String login, String text, boolean reply) {
        queuedAt.put(text, clock.instant());
        queue(Recipient.twitterId(login.equals("alice") ? ALICE : BOB), text, reply);
    }

    private void recordDeliveries() {
        for (FakeTwitter.Sent dm : twitter.sent()) {
            for (String line : dm.text().split("\n")) {
                deliveredAt.putIfAbsent(line, clock.instant());
            }
        }
    }
}
