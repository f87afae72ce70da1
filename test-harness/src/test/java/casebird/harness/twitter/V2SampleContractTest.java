package casebird.harness.twitter;

import static casebird.harness.twitter.JsonShapes.assertHasShapeOf;
import static casebird.harness.twitter.JsonShapes.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each v2 answer of the fake, side by side with X's sample of it: same fields, same types. */
class V2SampleContractTest extends FakeApiTest {

    private static final String FIELDS = "dm_event.fields=id,text,event_type,created_at,"
            + "dm_conversation_id,sender_id";

    private TwitterAccount alice;
    private String token;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        token = v2.token(bot);
    }

    private static JsonNode sample(String name) throws IOException {
        return JsonShapes.sample("/twitter/samples-v2/" + name);
    }

    private static JsonNode body(HttpResponse<String> response, int status) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        return SignedCalls.json(response);
    }

    @Test
    void dmEventsPageHasTheSamplesShape() throws Exception {
        api.deliver(alice.id(), bot.id(), "accept 1234");
        api.deliver(alice.id(), bot.id(), "status 1234");
        JsonNode sample = sample("dm_events-page.json");

        JsonNode ours = body(v2.get(token, "dm_events?max_results=1&" + FIELDS
                + "&expansions=sender_id"), 200);

        assertHasShapeOf(sample.path("data").path(0), ours.path("data").path(0));
        assertHasShapeOf(sample.path("meta"), ours.path("meta"));
    }

    @Test
    void dmEventsLastPageHasTheSamplesShape() throws Exception {
        api.deliver(alice.id(), bot.id(), "accept 1234");
        api.deliver(alice.id(), bot.id(), "help");
        String next = body(v2.get(token, "dm_events?max_results=1"), 200)
                .path("meta").path("next_token").asText();

        JsonNode ours = body(v2.get(token, "dm_events?max_results=1&pagination_token=" + next
                + "&" + FIELDS), 200);

        assertEquals(shape(sample("dm_events-last-page.json")), shape(ours));
    }

    @Test
    void dmEventsEmptyIsTheSample() throws Exception {
        assertEquals(sample("dm_events-empty.json"), body(v2.get(token, "dm_events"), 200));
    }

    @Test
    void sendAnswerHasTheSamplesShape() throws Exception {
        JsonNode ours = body(v2.send(token, alice, "New case 1234: Printer on fire"), 201);

        assertEquals(shape(sample("dm_send-response.json")), shape(ours));
    }

    @Test
    void groupCreationAnswerHasTheSamplesShape() throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");

        JsonNode ours = body(v2.post(token, "dm_conversations", V2GroupConversationTest
                .createBody("Group", List.of(alice, bob), "New case 1234")), 201);

        assertEquals(shape(sample("dm_group-create-response.json")), shape(ours));
    }

    @Test
    void groupEventsHaveTheSamplesShapes() throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");
        String group = body(v2.post(token, "dm_conversations", V2GroupConversationTest
                .createBody("Group", List.of(alice, bob), "New case 1199")), 201)
                .path("data").path("dm_conversation_id").asText();
        api.v2().postToGroup(bob.id(), group, "status 1199");
        JsonNode sample = sample("dm_events-page.json").path("data");

        JsonNode ours = body(v2.get(token, "dm_events?" + FIELDS + ",participant_ids"
                + "&expansions=sender_id"), 200).path("data");

        assertEquals(shape(sample.path(2)), shape(ours.path(0)), "a member's group message");
        assertEquals(shape(sample.path(3)), shape(ours.path(2)), "the group's join");
    }

    @Test
    void partialUserLookupHasTheSamplesShape() throws Exception {
        JsonNode sample = sample("users-by-partial.json");

        JsonNode ours = body(v2.get(token, "users/by?usernames=alice_t,gone_user"), 200);

        assertEquals(shape(sample.path("data").path(0)), shape(ours.path("data").path(0)));
        assertEquals(sample.path("errors").path(0), ours.path("errors").path(0));
    }

    @Test
    void usersMeHasTheSamplesShape() throws Exception {
        assertEquals(shape(sample("users-me.json")), shape(body(v2.get(token, "users/me"),
                200)));
    }

    @Test
    void tokenAnswerHasTheSamplesShape() throws Exception {
        String refresh = api.v2().oauth2().grants().issue(bot.id(), V2Calls.BOT_SCOPES).refreshToken()
                .orElseThrow();

        JsonNode ours = body(v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", refresh)), 200);

        assertEquals(shape(sample("oauth2-token.json")), shape(ours));
    }

    @Test
    void refusedRefreshIsTheInvalidGrantSample() throws Exception {
        JsonNode ours = body(v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", "not-a-token")), 400);

        assertEquals(sample("oauth2-token-invalid-grant.json"), ours);
    }

    @Test
    void unauthorizedIsTheSample() throws Exception {
        assertEquals(sample("error-401.json"), body(v2.get("not-a-token", "users/me"), 401));
    }

    @Test
    void refusedRecipientIsTheSample() throws Exception {
        TwitterAccount carol = api.createAccount("carol_t", 1000003);
        api.refuseDms(carol.id());

        JsonNode ours = body(v2.send(token, carol, "New case 1234"), 403);

        assertEquals(sample("error-403-cannot-dm.json"), ours);
    }

    @Test
    void rateLimitedIsTheSample() throws Exception {
        api.addFault(Fault.status(Optional.of(Endpoint.DM_LIST), 429, OptionalInt.empty(), 1));

        assertEquals(sample("error-429.json"), body(v2.get(token, "dm_events"), 429));
    }
}
