package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group sends ({@code dm-room-send}: creations and group messages) share the v2 send limits
 * with one-to-one sends, 15 per 15 s and 1,440 per 1,440 s (X's 15 per 15 min and 1,440 per
 * day, scaled), and each costs one DM sent.
 */
class V2RoomSendLimitsTest extends FakeApiTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    private TwitterAccount alice;
    private TwitterAccount bob;
    private String token;

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        bob = api.createAccount("bob_t");
        token = v2.token(bot);
    }

    private HttpResponse<String> createRoom(String text) throws Exception {
        return v2.post(token, "dm_conversations", V2GroupConversationTest.createBody("Group",
                List.of(alice, bob), text));
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("absent");
    }

    @Test
    void roomSendsAndOneToOneSendsShareFifteenPerFifteenSeconds() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertEquals(201, v2.send(token, alice, "notice " + i).statusCode());
        }
        HttpResponse<String> room = createRoom("room");
        String group = SignedCalls.json(room).path("data").path("dm_conversation_id").asText();
        for (int i = 0; i < 4; i++) {
            assertEquals(201, v2.post(token, "dm_conversations/" + group + "/messages",
                    "{\"text\":\"room " + i + "\"}").statusCode());
        }

        HttpResponse<String> roomRefused = createRoom("one too many");
        HttpResponse<String> oneToOneRefused = v2.send(token, alice, "one too many");

        assertEquals("4", header(room, "x-rate-limit-remaining"),
                "the creation, the 11th send, leaves 4 in the window");
        assertEquals(429, roomRefused.statusCode());
        assertEquals(429, oneToOneRefused.statusCode());
        assertEquals(Long.toString(START.getEpochSecond() + 15),
                header(roomRefused, "x-rate-limit-reset"));
    }

    @Test
    void sendsOfBothKindsStopAt1440Per1440SecondsWhateverTheShortWindowAllows()
            throws Exception {
        api.v2().setLimit(Endpoint.DM_ROOM_SEND, 1000, Duration.ofSeconds(15));
        for (int i = 0; i < 1440; i++) {
            HttpResponse<String> sent = i % 2 == 0 ? v2.send(token, alice, "n")
                    : createRoom("r");
            assertEquals(201, sent.statusCode(), "send " + i);
            if (i == 999) {
                clock.advance(Duration.ofSeconds(15));
            }
        }

        HttpResponse<String> refused = createRoom("the 1441st");

        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("1440", header(refused, "x-rate-limit-limit"));
        assertEquals(Long.toString(START.getEpochSecond() + 1440),
                header(refused, "x-rate-limit-reset"));
        assertEquals(429, v2.send(token, bob, "the 1442nd").statusCode());
        clock.advance(Duration.ofSeconds(1440 - 15));
        assertEquals(201, v2.send(v2.token(bot), bob, "a new day").statusCode());
    }

    @Test
    void eachCreationAndEachGroupMessageCostsOneDmSent() throws Exception {
        HttpResponse<String> room = createRoom("New case 1234");
        String group = SignedCalls.json(room).path("data").path("dm_conversation_id").asText();

        v2.post(token, "dm_conversations/" + group + "/messages", "{\"text\":\"again\"}");

        assertEquals(new BigDecimal("0.030"), api.v2().costMeter().spent());
    }

    @Test
    void aRefusedCreationCostsNothing() throws Exception {
        api.v2().refuseGroupDms(bob.id());

        assertEquals(403, createRoom("New case 1234").statusCode());

        assertEquals(BigDecimal.ZERO, api.v2().costMeter().spent());
    }
}
