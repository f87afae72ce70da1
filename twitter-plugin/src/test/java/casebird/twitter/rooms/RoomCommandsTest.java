package casebird.twitter.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseNote;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.inbox.UnlinkedReplyGate;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands posted in a queue's room run as their sender; replies go where they belong. */
class RoomCommandsTest extends RoomsFixture {

    private long room;

    @BeforeEach
    void openRoom() {
        parts.poller().pollOnce();
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        room = twitter.groups().get(0).id();
    }

    @Test
    void anAcceptInTheRoomRunsAsItsSenderAndIsAnsweredInTheRoom() {
        twitter.dmInGroup(BOB, room, "accept 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(Optional.of("bob"), crm.caseNumber(1234).owner());
        assertEquals(List.of(new FakeCrm.Change("accept", 1234, "bob")), crm.changes());
        assertEquals(List.of("New case 1234: Printer on fire",
                "bob: Accepted case 1234 (Printer on fire). It's yours."),
                twitter.textsInGroup(room));
        assertEquals(List.of(), twitter.sent());
    }

    @Test
    void statusInTheRoomIsAnsweredOneToOne() {
        twitter.dmInGroup(CAROL, room, "status 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
        assertEquals(1, twitter.textsTo(CAROL).size());
        assertTrue(twitter.textsTo(CAROL).get(0).startsWith("Case 1234: Printer on fire"),
                twitter.textsTo(CAROL).toString());
    }

    @Test
    void theBotsOwnPostsAndTheJoinEventRunNothing() {
        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(), crm.changes());
        assertEquals(List.of(), twitter.sent());
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
    }

    @Test
    void aMessageInARoomThePluginDidNotOpenRunsNothing() {
        long foreign = twitter.createRoom(List.of(ALICE, DAVE), "a room of someone's").conversationId();
        twitter.dmInGroup(ALICE, foreign, "accept 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(), crm.changes());
        assertEquals(List.of("a room of someone's"), twitter.textsInGroup(foreign));
    }

    @Test
    void aLinkedAgentWritingInAGroupThePluginDidNotOpenGetsOneHintOneToOneAndRunsNothing() {
        long foreign = twitter.groupMadeBy(DAVE, List.of(ALICE));
        twitter.dmInGroup(ALICE, foreign, "accept 1234");
        twitter.dmInGroup(ALICE, foreign, "accept 1235");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(), crm.changes());
        assertEquals(List.of(DirectMessagePoller.ROOM_HINT), twitter.textsTo(ALICE));
        assertEquals(List.of(), twitter.textsInGroup(foreign));
    }

    @Test
    void anUnlinkedStrangerInAGroupWithTheBotIsToldNotLinkedOnceAndRunsNothing() {
        twitter.account("mallory", 66);
        long foreign = twitter.groupMadeBy(66, List.of(ALICE, BOB));
        twitter.dmInGroup(66, foreign, "accept 1234");
        twitter.dmInGroup(66, foreign, "close 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(), crm.changes());
        assertEquals(List.of(UnlinkedReplyGate.REPLY), twitter.textsTo(66));
        assertEquals(List.of(), twitter.textsTo(ALICE));
    }

    @Test
    void aRefusalAboutTheSendersOwnRightsIsAnsweredOneToOneNotInTheRoom() {
        twitter.dmInGroup(BOB, room, "accept 4321");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of("Case 4321 was not found."), twitter.textsTo(BOB));
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
    }

    @Test
    void aConflictWithATeammateIsAnsweredInTheRoom() {
        twitter.dmInGroup(ALICE, room, "accept 1234");
        parts.poller().pollOnce();
        twitter.dmInGroup(BOB, room, "accept 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of("New case 1234: Printer on fire",
                "alice: Accepted case 1234 (Printer on fire). It's yours.",
                "bob: Case 1234 was already accepted by alice."), twitter.textsInGroup(room));
        assertEquals(List.of(), twitter.sent());
    }

    @Test
    void aMemberRemovedFromTheQueueWritingInTheOldRoomRunsWithTodaysRightsOnly() {
        crm.user("bob", "@bob_t");
        twitter.dmInGroup(BOB, room, "accept 1234");

        parts.poller().pollOnce();
        sendAll();

        assertEquals(Optional.empty(), crm.caseNumber(1234).owner());
        assertEquals(List.of(), crm.changes());
        assertEquals(List.of("You can't accept case 1234: you are not a member of its queue"
                + " Support."), twitter.textsTo(BOB));
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
    }

    @Test
    void aHugeNoteInTheRoomIsLoggedWholeAndTheRoomGetsOneShortAnswer() {
        String note = "x".repeat(20_000);
        twitter.dmInGroup(BOB, room, "log 1234 " + note);

        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(note), crm.caseNumber(1234).notes().stream()
                .map(CaseNote::text).toList());
        assertEquals(List.of("New case 1234: Printer on fire",
                "bob: Logged your note on case 1234."), twitter.textsInGroup(room));
    }

    @Test
    void aPushedMessageOfARoomMemberIsAnsweredAsTheListShowsIt() {
        long id = twitter.dmInGroup(BOB, room, "accept 1234");
        DmEvent pushed = new DmEvent(id, BOB, FakeTwitter.BOT_ID, "accept 1234",
                clock.instant());

        parts.poller().handleDelivered(new Delivery(OptionalLong.of(FakeTwitter.BOT_ID),
                List.of(pushed)));
        sendAll();

        assertEquals(Optional.of("bob"), crm.caseNumber(1234).owner());
        assertEquals(List.of("New case 1234: Printer on fire",
                "bob: Accepted case 1234 (Printer on fire). It's yours."),
                twitter.textsInGroup(room));
        assertEquals(List.of(), twitter.sent());
    }

    @Test
    void aPushedMessageOfARoomMemberTheListDoesNotShowYetWaitsAndIsAnsweredOnceItDoes() {
        parts.poller().pollOnce();
        long id = twitter.reserveEventId();
        DmEvent pushed = new DmEvent(id, BOB, FakeTwitter.BOT_ID, "accept 1234",
                clock.instant());

        parts.poller().handleDelivered(new Delivery(OptionalLong.of(FakeTwitter.BOT_ID),
                List.of(pushed)));
        sendAll();
        assertEquals(List.of(), crm.changes());
        twitter.surfaceInGroup(id, BOB, room, "accept 1234", pushed.createdAt());
        parts.poller().handleDelivered(new Delivery(OptionalLong.of(FakeTwitter.BOT_ID),
                List.of(pushed)));
        parts.poller().pollOnce();
        sendAll();

        assertEquals(List.of(new FakeCrm.Change("accept", 1234, "bob")), crm.changes());
        assertEquals(List.of("New case 1234: Printer on fire",
                "bob: Accepted case 1234 (Printer on fire). It's yours."),
                twitter.textsInGroup(room));
        assertEquals(List.of(), twitter.sent());
    }
}
