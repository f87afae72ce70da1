package casebird.twitter.rooms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.RoomCreated;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.ForwardingTwitter;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Notices to a queue's room: one send for the whole queue, and when X says otherwise. */
class RoomNoticesTest extends RoomsFixture {

    @Test
    void theFirstNoticeOpensTheRoomWithItAsTheFirstMessageInOneSend() {
        noticeToRoom("New case 1234: Printer on fire");

        sendAll();

        assertEquals(1, twitter.groups().size());
        FakeTwitter.Group room = twitter.groups().get(0);
        assertEquals(Set.of(ALICE, BOB, CAROL), Set.copyOf(room.members()));
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room.id()));
        assertEquals(List.of(), twitter.sent());
        assertEquals(room.id(), store.rooms().current(SUPPORT).orElseThrow().conversationId());
        assertEquals(0, store.outbox().size());
    }

    @Test
    void theNextNoticeGoesToTheSameRoom() {
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        noticeToRoom("New case 1235: Fax jammed");

        sendAll();

        assertEquals(1, twitter.groups().size());
        assertEquals(List.of("New case 1234: Printer on fire", "New case 1235: Fax jammed"),
                twitter.textsInGroup(twitter.groups().get(0).id()));
        assertEquals(List.of(), twitter.sent());
    }

    @Test
    void changedMembersOpenANewRoomAndTheOldOneSaysItMoved() {
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        crm.user("dave", "@dave_t", SUPPORT);
        noticeToRoom("New case 1235: Fax jammed");

        sendAll();

        assertEquals(2, twitter.groups().size());
        FakeTwitter.Group old = twitter.groups().get(0);
        FakeTwitter.Group moved = twitter.groups().get(1);
        assertEquals(Set.of(ALICE, BOB, CAROL, DAVE), Set.copyOf(moved.members()));
        assertEquals(List.of("New case 1235: Fax jammed"), twitter.textsInGroup(moved.id()));
        assertEquals(List.of("New case 1234: Printer on fire", RoomPoster.MOVED),
                twitter.textsInGroup(old.id()));
        assertEquals(moved.id(), store.rooms().current(SUPPORT).orElseThrow().conversationId());
        assertTrue(store.rooms().room(old.id()).isPresent(), "the old room is still known");
    }

    @Test
    void aRoomTheBotIsNoLongerInIsReplacedWithoutStoppingTheOutbox() {
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        twitter.botLeaves(twitter.groups().get(0).id());
        noticeToRoom("New case 1235: Fax jammed");

        sendAll();

        assertEquals(2, twitter.groups().size());
        assertEquals(List.of("New case 1235: Fax jammed"),
                twitter.textsInGroup(twitter.groups().get(1).id()));
        assertEquals(0, store.outbox().size());
    }

    @Test
    void aMemberWhoRefusesGroupsIsLeftOutAndToldOneToOne() {
        twitter.refusesGroups(BOB);
        noticeToRoom("New case 1234: Printer on fire");

        sendAll();
        noticeToRoom("New case 1235: Fax jammed");
        sendAll();

        assertEquals(1, twitter.groups().size());
        assertEquals(Set.of(ALICE, CAROL), Set.copyOf(twitter.groups().get(0).members()));
        assertEquals(List.of("New case 1234: Printer on fire", "New case 1235: Fax jammed"),
                twitter.textsTo(BOB));
        assertEquals(List.of(), twitter.textsTo(ALICE));
        assertEquals(Set.of(BOB), store.rooms().refusers());
        assertTrue(healthDetail().contains("queue Support's room leaves out who refuse group"
                + " DMs (bob): they get its notices one-to-one"), healthDetail());
    }

    @Test
    void aQueueWithTooFewLinkedMembersIsToldOneToOneAndHealthSaysWhy() {
        crm.user("bob", null, SUPPORT).user("carol", "@carol_t");
        noticeToRoom("New case 1234: Printer on fire");

        sendAll();

        assertEquals(List.of(), twitter.groups());
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsTo(ALICE));
        assertTrue(healthDetail().contains("queue Support is notified one-to-one: it has 1"
                + " member(s) with a linked X account"), healthDetail());
    }

    @Test
    void aRefusalNamingNobodyTellsTheQueueOneToOne() {
        twitter.refuseAllGroups();
        noticeToRoom("New case 1234: Printer on fire");

        sendAll();

        assertEquals(List.of(), twitter.groups());
        for (long member : List.of(ALICE, BOB, CAROL)) {
            assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsTo(member));
        }
        assertTrue(healthDetail().contains("X refuses group conversations for now"),
                healthDetail());
    }

    @Test
    void aRoomNoticeToldOneToOneLeavesOutTheAgentWhoseActionCausedIt() {
        twitter.refuseAllGroups();
        noticeToRoom("Case 1234 accepted by alice", "alice");

        sendAll();

        assertEquals(List.of(), twitter.textsTo(ALICE));
        assertEquals(List.of("Case 1234 accepted by alice"), twitter.textsTo(BOB));
        assertEquals(List.of("Case 1234 accepted by alice"), twitter.textsTo(CAROL));
    }

    @Test
    void aRefuserWhoseActionCausedTheNoticeGetsNoCopyOfIt() {
        twitter.refusesGroups(BOB);
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        noticeToRoom("Case 1234 accepted by bob", "bob");

        sendAll();

        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsTo(BOB));
        assertEquals(List.of("New case 1234: Printer on fire", "Case 1234 accepted by bob"),
                twitter.textsInGroup(twitter.groups().get(0).id()));
    }

    @Test
    void aStrangerAddedToTheRoomInXsAppRetiresItAndTheNextNoticeOpensAClosedRoom() {
        parts.poller().pollOnce();
        noticeToRoom("New case 1234: Printer on fire");
        sendAll();
        long room = twitter.groups().get(0).id();
        twitter.addsToGroup(ALICE, room, List.of(DAVE));

        parts.poller().pollOnce();
        noticeToRoom("New case 1235: Fax jammed");
        sendAll();

        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
        assertEquals(2, twitter.groups().size());
        FakeTwitter.Group fresh = twitter.groups().get(1);
        assertEquals(Set.of(ALICE, BOB, CAROL), Set.copyOf(fresh.members()));
        assertEquals(List.of("New case 1235: Fax jammed"), twitter.textsInGroup(fresh.id()));
        assertTrue(healthDetail().contains("queue Support's room " + room + " was left: "
                + "someone added account(s) 14 who are not its members"), healthDetail());
    }

    @Test
    void oneToOneCopiesOfARoomNoticeKeepItsAgeForTheNoticeBound() {
        twitter.refuseAllGroups();
        Instant queued = clock.instant();
        noticeToRoom("New case 1234: Printer on fire");
        clock.advance(Duration.ofMinutes(10));

        parts.sender().sendDue();

        assertEquals(3, store.outbox().size());
        assertEquals(Optional.of(queued), store.outbox().oldestQueuedAt());
    }

    @Test
    void aStopBetweenXOpeningTheRoomAndItsCommitOpensNoSecondRoom() {
        parts = partsOver(new ForwardingTwitter(twitter) {
            private boolean crashed;

            @Override
            public RoomCreated createRoom(Collection<Long> participantIds, String text) {
                RoomCreated created = super.createRoom(participantIds, text);
                if (!crashed) {
                    crashed = true;
                    throw new IllegalStateException("the plugin stops before its commit");
                }
                return created;
            }
        });
        noticeToRoom("New case 1234: Printer on fire");

        sendAll();

        assertEquals(1, twitter.groups().size());
        long room = twitter.groups().get(0).id();
        assertEquals(List.of("New case 1234: Printer on fire"), twitter.textsInGroup(room));
        assertEquals(room, store.rooms().current(SUPPORT).orElseThrow().conversationId());
        assertEquals(0, store.outbox().size());
    }
}
