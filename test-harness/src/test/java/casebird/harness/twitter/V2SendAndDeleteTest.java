package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 one-to-one send and delete, over the store v1.1 reads too. */
class V2SendAndDeleteTest extends FakeApiTest {

    private TwitterAccount alice;
    private String token;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        token = v2.token(bot);
    }

    @Test
    void sendIs201WithTheOneToOneConversationAndTheEventV11Sees() throws Exception {
        HttpResponse<String> sent = v2.send(token, alice, "New case 1234");

        assertEquals(201, sent.statusCode(), sent.body());
        JsonNode data = SignedCalls.json(sent).path("data");
        assertEquals(bot.id() + "-" + alice.id(), data.path("dm_conversation_id").asText());
        DirectMessage stored = api.messagesOf(alice.id()).get(0);
        assertEquals(Long.toString(stored.id()), data.path("dm_event_id").asText());
        assertEquals("New case 1234", stored.text());
        assertTrue(calls.get(alice, "direct_messages/events/list.json").body()
                .contains(data.path("dm_event_id").asText()));
    }

    @Test
    void sendWithoutTextOrToANonIdIsAnInvalidRequest() throws Exception {
        assertEquals(400, v2.post(token, "dm_conversations/with/" + alice.id() + "/messages",
                "{}").statusCode());
        assertEquals(400, v2.post(token, "dm_conversations/with/alice_t/messages",
                "{\"text\":\"hi\"}").statusCode());
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void sendToAnUnknownUserIs404NamingIt() throws Exception {
        HttpResponse<String> refused = v2.post(token, "dm_conversations/with/42/messages",
                "{\"text\":\"hi\"}");

        assertEquals(404, refused.statusCode());
        JsonNode problem = SignedCalls.json(refused);
        assertEquals("https://api.x.com/2/problems/resource-not-found",
                problem.path("type").asText());
        assertEquals("42", problem.path("resource_id").asText());
    }

    @Test
    void accountRefusingDmsIsRefusedUnderBothApis() throws Exception {
        api.refuseDms(alice.id());

        HttpResponse<String> v2Refusal = v2.send(token, alice, "hi");
        TwitterHttpException v11Refusal = assertThrows(TwitterHttpException.class,
                () -> new FakeTwitterClient(api).sendDirectMessage(bot, alice.id(), "hi"));

        assertEquals(403, v2Refusal.statusCode());
        assertEquals(Long.toString(alice.id()), SignedCalls.json(v2Refusal)
                .path("resource_id").asText());
        assertEquals(403, v11Refusal.status());
        assertTrue(v11Refusal.body().contains("\"code\":349"), v11Refusal.body());
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void deleteHidesTheEventFromTheCallerOnly() throws Exception {
        DirectMessage dm = api.deliver(alice.id(), bot.id(), "help");

        HttpResponse<String> deleted = v2.delete(token, "dm_events/" + dm.id());
        HttpResponse<String> again = v2.delete(token, "dm_events/" + dm.id());

        assertEquals(200, deleted.statusCode(), deleted.body());
        assertTrue(SignedCalls.json(deleted).path("data").path("deleted").asBoolean());
        assertEquals(404, again.statusCode());
        assertEquals(0, SignedCalls.json(v2.get(token, "dm_events")).path("meta")
                .path("result_count").asInt());
        assertEquals(List.of(dm), api.messagesOf(alice.id()));
    }
}
