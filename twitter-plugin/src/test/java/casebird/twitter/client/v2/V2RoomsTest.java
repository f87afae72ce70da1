package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.NoRoomsException;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.RoomRefusedException;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.client.v1.Twitter4jPort;
import casebird.twitter.testing.TestSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v2 adapter's group conversations: creating one, posting in one, and X's refusals. */
class V2RoomsTest {

    private static final String NOT_AUTHORIZED = "https://api.x.com/2/problems/"
            + "not-authorized-for-resource";
    private final V2Fixture fixture = new V2Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void createPostsAGroupWithTheOtherParticipantsAndTheFirstMessage() throws IOException {
        fixture.x.enqueue(ScriptedServer.Reply.sample(201, "dm_group-create-response.json")
                .withHeader("x-rate-limit-limit", "15")
                .withHeader("x-rate-limit-remaining", "13")
                .withHeader("x-rate-limit-reset", "1900000000"));

        RoomCreated room = fixture.port.createRoom(List.of(1000001L, 1000002L),
                "New case 1234: Printer on fire");

        ScriptedServer.Recorded post = fixture.x.request(0);
        assertEquals("POST /2/dm_conversations", post.method() + " " + post.path());
        JsonObject body = JsonObject.parse(post.body().getBytes(StandardCharsets.UTF_8));
        assertEquals(Optional.of("Group"), body.text("conversation_type"));
        assertEquals(List.of("1000001", "1000002"), body.texts("participant_ids"));
        assertEquals(Optional.of("New case 1234: Printer on fire"),
                body.object("message").flatMap(m -> m.text("text")));
        assertEquals(new RoomCreated(1862870000000000001L, 1862870000000000003L), room);
        assertEquals(List.of(new V2Fixture.Learned(Endpoint.DM_ROOM_SEND, 15, 13, 1900000000L)),
                fixture.learned);
    }

    @Test
    void postGoesToTheGroupConversation() {
        fixture.answer(201, "dm_send-response.json");

        SentMessage sent = fixture.port.postToRoom(1862870000000000001L, "Case 1234 accepted");

        ScriptedServer.Recorded post = fixture.x.request(0);
        assertEquals("POST /2/dm_conversations/1862870000000000001/messages",
                post.method() + " " + post.path());
        assertEquals(new SentMessage(1862880720001234567L, 1862870000000000001L), sent);
    }

    @Test
    void aForbiddenCreationNamingAUserIsThatMemberRefusingGroups() {
        fixture.x.enqueue(ScriptedServer.Reply.json(403, "{\"title\":\"Forbidden\",\"type\":\""
                + NOT_AUTHORIZED + "\",\"detail\":\"You are not permitted to add user 1000002"
                + " to a group\",\"resource_type\":\"user\",\"resource_id\":\"1000002\"}"));

        RoomRefusedException refused = assertThrows(RoomRefusedException.class,
                () -> fixture.port.createRoom(List.of(1000001L, 1000002L), "hi"));

        assertEquals(OptionalLong.of(1000002), refused.member());
        assertFalse(refused.recipientUnreachable());
    }

    @Test
    void aForbiddenCreationNamingNobodyIsNoRoomsForNow() {
        fixture.x.enqueue(ScriptedServer.Reply.json(403, "{\"title\":\"Forbidden\",\"type\":"
                + "\"about:blank\",\"detail\":\"not permitted\"}"));

        RoomRefusedException nobody = assertThrows(RoomRefusedException.class,
                () -> fixture.port.createRoom(List.of(1000001L, 1000002L), "hi"));

        assertEquals(OptionalLong.empty(), nobody.member());
        assertEquals(403, nobody.status());
    }

    @Test
    void otherFailuresOfACreationAreTheUsualOnes() {
        fixture.x.enqueue(ScriptedServer.Reply.json(400, "{\"title\":\"Invalid Request\","
                + "\"type\":\"https://api.x.com/2/problems/invalid-request\","
                + "\"detail\":\"participant_ids must hold 2 to 49 users\"}"));

        TwitterApiException e = assertThrows(TwitterApiException.class,
                () -> fixture.port.createRoom(List.of(1000001L), "hi"));

        assertFalse(e instanceof RoomRefusedException);
        assertEquals(400, e.status());
    }

    @Test
    void v11HasNoRooms() {
        TwitterPort v1 = new Twitter4jPort(TestSettings.from(Map.of()), (e, l, r, t) -> { });

        assertThrows(NoRoomsException.class, () -> v1.createRoom(List.of(1L, 2L), "hi"));
        assertThrows(NoRoomsException.class, () -> v1.postToRoom(1L, "hi"));
    }
}
