package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /2/dm_events: paging, fields, expansions and event types, over v1.1's store. */
class V2DirectMessageTest extends FakeApiTest {

    private TwitterAccount alice;
    private String token;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        token = v2.token(bot);
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = v2.get(token, "dm_events?" + query);
        assertEquals(200, response.statusCode(), response.body());
        return SignedCalls.json(response);
    }

    private static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.path("data").forEach(event -> texts.add(event.path("text").asText()));
        return texts;
    }

    @Test
    void pagesGoNewestFirstByNextTokenAndBackByPreviousToken() throws Exception {
        for (int i = 1; i <= 5; i++) {
            api.deliver(alice.id(), bot.id(), "dm " + i);
        }

        JsonNode first = list("max_results=2");
        JsonNode second = list("max_results=2&pagination_token="
                + first.path("meta").path("next_token").asText());
        JsonNode last = list("max_results=2&pagination_token="
                + second.path("meta").path("next_token").asText());
        JsonNode back = list("max_results=2&pagination_token="
                + last.path("meta").path("previous_token").asText());

        assertEquals(List.of("dm 5", "dm 4"), texts(first));
        assertFalse(first.path("meta").has("previous_token"));
        assertEquals(List.of("dm 3", "dm 2"), texts(second));
        assertEquals(List.of("dm 1"), texts(last));
        assertEquals(1, last.path("meta").path("result_count").asInt());
        assertFalse(last.path("meta").has("next_token"));
        assertEquals(List.of("dm 3", "dm 2"), texts(back));
    }

    @Test
    void maxResultsOutsideOneToHundredIsAnInvalidRequest() throws Exception {
        for (String bad : List.of("0", "101", "ten")) {
            HttpResponse<String> refused = v2.get(token, "dm_events?max_results=" + bad);

            assertEquals(400, refused.statusCode(), bad);
            JsonNode problem = SignedCalls.json(refused);
            assertEquals("https://api.x.com/2/problems/invalid-request",
                    problem.path("type").asText());
            assertTrue(problem.path("errors").path(0).path("message").asText()
                    .contains("[" + bad + "]"), refused.body());
        }
    }

    @Test
    void unknownFieldOrBadTokenIsAnInvalidRequest() throws Exception {
        assertEquals(400, v2.get(token, "dm_events?dm_event.fields=mood").statusCode());
        assertEquals(400, v2.get(token, "dm_events?expansions=mood").statusCode());
        assertEquals(400, v2.get(token, "dm_events?pagination_token=%21%21").statusCode());
    }

    @Test
    void eventsCarryOnlyTheDefaultFieldsUnlessAskedSoNoSenderWithoutAsking() throws Exception {
        api.deliver(alice.id(), bot.id(), "help");

        JsonNode event = list("").path("data").path(0);

        assertEquals(List.of("id", "event_type", "text"), fieldNames(event));
    }

    @Test
    void askedFieldsAreHydrated() throws Exception {
        DirectMessage dm = api.deliver(alice.id(), bot.id(), "help");

        JsonNode event = list("dm_event.fields=created_at,dm_conversation_id,sender_id")
                .path("data").path(0);

        assertEquals(Long.toString(alice.id()), event.path("sender_id").asText());
        assertEquals(bot.id() + "-" + alice.id(), event.path("dm_conversation_id").asText());
        String createdAt = event.path("created_at").asText();
        assertTrue(createdAt.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"),
                createdAt);
        assertEquals(dm.createdAt(), Instant.parse(createdAt));
    }

    @Test
    void senderExpansionHydratesSenderIdAndIncludesTheUser() throws Exception {
        api.deliver(alice.id(), bot.id(), "help");

        JsonNode page = list("expansions=sender_id");

        assertEquals(Long.toString(alice.id()), page.path("data").path(0).path("sender_id")
                .asText());
        assertEquals("alice_t", page.path("includes").path("users").path(0).path("username")
                .asText());
    }

    @Test
    void withdrawnSenderIdFieldIs400NamingItWhileTheExpansionStillHydratesIt() throws Exception {
        api.deliver(alice.id(), bot.id(), "help");
        api.v2().withdrawField("sender_id");

        HttpResponse<String> refused = v2.get(token, "dm_events?dm_event.fields=sender_id");
        JsonNode expanded = list("expansions=sender_id");

        assertEquals(400, refused.statusCode());
        assertTrue(refused.body().contains("[sender_id]"), refused.body());
        assertEquals(Long.toString(alice.id()), expanded.path("data").path(0)
                .path("sender_id").asText());
    }

    @Test
    void eventTypesWithoutMessageCreateListNothing() throws Exception {
        api.deliver(alice.id(), bot.id(), "help");

        assertEquals(0, list("event_types=ParticipantsJoin").path("meta")
                .path("result_count").asInt());
        assertEquals(1, list("event_types=MessageCreate").path("meta")
                .path("result_count").asInt());
    }

    @Test
    void v11AndV2EventIdsAreSharedAndTimeOrdered() throws Exception {
        DirectMessage first = api.deliver(alice.id(), bot.id(), "accept 1234");
        v2.send(token, alice, "Accepted case 1234");

        JsonNode page = list("");

        long newest = page.path("data").path(0).path("id").asLong();
        assertEquals(Long.toString(first.id()), page.path("data").path(1).path("id").asText());
        assertTrue(newest > first.id());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
