package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Group DM conversations over HTTP: made in one call with their first message, refused as a
 * whole for a member who does not accept group DMs, posted to by members only, and listed
 * (joins and messages with the group's plain-number id) to members only.
 */
class V2GroupConversationTest extends FakeApiTest {

    private static final String FIELDS = "dm_event.fields=id,text,event_type,created_at,"
            + "dm_conversation_id,sender_id,participant_ids";

    private TwitterAccount alice;
    private TwitterAccount bob;
    private TwitterAccount carol;
    private String token;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        bob = api.createAccount("bob_t");
        carol = api.createAccount("carol_t");
        token = v2.token(bot);
    }

    static String createBody(String type, List<TwitterAccount> others, String text) {
        String ids = others.stream().map(a -> "\"" + a.id() + "\"")
                .collect(Collectors.joining(","));
        return "{\"conversation_type\":\"" + type + "\",\"participant_ids\":[" + ids + "]"
                + (text == null ? "" : ",\"message\":{\"text\":\"" + text + "\"}") + "}";
    }

    private HttpResponse<String> create(String as, List<TwitterAccount> others, String text)
            throws Exception {
        return v2.post(as, "dm_conversations", createBody("Group", others, text));
    }

    private String createdId(List<TwitterAccount> others, String text) throws Exception {
        HttpResponse<String> created = create(token, others, text);
        assertEquals(201, created.statusCode(), created.body());
        return SignedCalls.json(created).path("data").path("dm_conversation_id").asText();
    }

    private JsonNode events(String as, String pathAndQuery) throws Exception {
        HttpResponse<String> listed = v2.get(as, pathAndQuery);
        assertEquals(200, listed.statusCode(), listed.body());
        return SignedCalls.json(listed);
    }

    private static String problem(HttpResponse<String> response) throws IOException {
        JsonNode body = SignedCalls.json(response);
        return body.path("type").asText() + " " + body.path("resource_id").asText("-");
    }

    @Test
    void creationAnswers201AndTheListShowsTheJoinAndTheFirstMessage() throws Exception {
        HttpResponse<String> created = create(token, List.of(alice, bob), "New case 1234");

        assertEquals(201, created.statusCode(), created.body());
        JsonNode data = SignedCalls.json(created).path("data");
        String group = data.path("dm_conversation_id").asText();
        assertTrue(group.matches("[0-9]+"), group);
        JsonNode listed = events(token, "dm_events?" + FIELDS).path("data");
        assertEquals(2, listed.size(), listed.toString());
        JsonNode message = listed.path(0);
        assertEquals("MessageCreate", message.path("event_type").asText());
        assertEquals(data.path("dm_event_id").asText(), message.path("id").asText());
        assertEquals("New case 1234", message.path("text").asText());
        assertEquals(group, message.path("dm_conversation_id").asText());
        JsonNode join = listed.path(1);
        assertEquals("ParticipantsJoin", join.path("event_type").asText());
        assertEquals(Long.toString(bot.id()), join.path("sender_id").asText());
        assertEquals(group, join.path("dm_conversation_id").asText());
        assertEquals("[\"" + alice.id() + "\",\"" + bob.id() + "\"]",
                join.path("participant_ids").toString());
    }

    @Test
    void aMembersMessageInTheGroupIsSeenByTheBotAndTheOtherMembers() throws Exception {
        String group = createdId(List.of(alice, bob), "New case 1234");

        HttpResponse<String> posted = v2.post(v2.token(alice), "dm_conversations/" + group
                + "/messages", "{\"text\":\"accept 1234\"}");

        assertEquals(201, posted.statusCode(), posted.body());
        for (TwitterAccount reader : List.of(bot, bob)) {
            JsonNode newest = events(v2.token(reader), "dm_events?" + FIELDS).path("data")
                    .path(0);
            assertEquals("accept 1234", newest.path("text").asText());
            assertEquals(Long.toString(alice.id()), newest.path("sender_id").asText());
            assertEquals(group, newest.path("dm_conversation_id").asText());
        }
    }

    @Test
    void onlyMembersSeeAGroupsEvents() throws Exception {
        createdId(List.of(alice, bob), "New case 1234");

        assertEquals(0, events(v2.token(carol), "dm_events").path("meta")
                .path("result_count").asInt());
        HttpResponse<String> foreign = v2.post(v2.token(carol), "dm_conversations",
                createBody("Group", List.of(alice, bob), "ours"));
        assertEquals(201, foreign.statusCode());
        assertEquals(2, events(token, "dm_events").path("meta").path("result_count").asInt(),
                "the bot does not see a group it is not in");
    }

    @Test
    void aMemberWhoRefusesGroupsRefusesTheWholeCreationNamingTheFirstRefuser()
            throws Exception {
        api.v2().refuseGroupDms(bob.id());
        api.v2().refuseGroupDms(carol.id());

        HttpResponse<String> refused = create(token, List.of(alice, bob, carol), "New case");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("https://api.x.com/2/problems/not-authorized-for-resource " + bob.id(),
                problem(refused));
        assertEquals("user", SignedCalls.json(refused).path("resource_type").asText());
        assertTrue(api.v2().groups().isEmpty());
        assertEquals(0, events(token, "dm_events").path("meta").path("result_count").asInt());
        assertEquals(201, v2.send(token, bob, "one-to-one still works").statusCode());
    }

    @Test
    void anAccountRefusingEveryDmRefusesGroupsToo() throws Exception {
        api.refuseDms(carol.id());

        HttpResponse<String> refused = create(token, List.of(alice, carol), "New case");

        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals("https://api.x.com/2/problems/not-authorized-for-resource " + carol.id(),
                problem(refused));
    }

    @Test
    void fewerThanTwoOrMoreThan49OthersIs400() throws Exception {
        List<TwitterAccount> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(api.createAccount("agent_" + i));
        }

        assertEquals(400, create(token, List.of(alice), "x").statusCode());
        assertEquals(400, create(token, fifty, "x").statusCode());
        assertEquals(201, create(token, fifty.subList(0, 49), "x").statusCode());
        assertEquals("https://api.x.com/2/problems/invalid-request -",
                problem(create(token, List.of(alice), "x")));
    }

    @Test
    void theTypeIsCaseSensitiveAndTheMessageRequired() throws Exception {
        assertEquals(400, v2.post(token, "dm_conversations",
                createBody("group", List.of(alice, bob), "x")).statusCode());
        assertEquals(400, v2.post(token, "dm_conversations",
                createBody("Group", List.of(alice, bob), null)).statusCode());
        assertEquals(400, v2.post(token, "dm_conversations",
                createBody("Group", List.of(alice, bob), " ")).statusCode());
        assertEquals(400, v2.post(token, "dm_conversations", "not json").statusCode());
        assertTrue(api.v2().groups().isEmpty());
    }

    @Test
    void postingToAGroupTheBotIsNotInIs403NamingNoUser() throws Exception {
        HttpResponse<String> theirs = v2.post(v2.token(alice), "dm_conversations",
                createBody("Group", List.of(bob, carol), "without the bot"));
        String group = SignedCalls.json(theirs).path("data").path("dm_conversation_id")
                .asText();

        HttpResponse<String> refused = v2.post(token, "dm_conversations/" + group
                + "/messages", "{\"text\":\"hello\"}");

        assertEquals(403, refused.statusCode(), refused.body());
        assertFalse(SignedCalls.json(refused).has("resource_id"), refused.body());
    }

    @Test
    void aConversationsListHoldsOnlyItsOwnEvents() throws Exception {
        String first = createdId(List.of(alice, bob), "room one");
        createdId(List.of(alice, carol), "room two");
        v2.send(token, alice, "one-to-one");

        JsonNode listed = events(token, "dm_conversations/" + first + "/dm_events?" + FIELDS)
                .path("data");

        assertEquals(2, listed.size(), listed.toString());
        listed.forEach(e -> assertEquals(first, e.path("dm_conversation_id").asText()));
        assertEquals(403, v2.get(v2.token(carol), "dm_conversations/" + first
                + "/dm_events").statusCode());
    }

    @Test
    void eventTypesSelectJoinsOrMessages() throws Exception {
        createdId(List.of(alice, bob), "room one");
        v2.send(token, alice, "one-to-one");

        JsonNode joins = events(token, "dm_events?event_types=ParticipantsJoin").path("data");
        JsonNode messages = events(token, "dm_events?event_types=MessageCreate").path("data");

        assertEquals(1, joins.size(), joins.toString());
        assertEquals("ParticipantsJoin", joins.path(0).path("event_type").asText());
        assertEquals(2, messages.size(), messages.toString());
    }

    @Test
    void pagesWalkOneToOneAndGroupEventsTogetherNewestFirst() throws Exception {
        v2.send(token, alice, "first");
        createdId(List.of(alice, bob), "second");
        v2.send(token, bob, "third");
        List<String> seen = new ArrayList<>();
        String next = "";

        do {
            JsonNode page = events(token, "dm_events?max_results=1" + next);
            page.path("data").forEach(e -> seen.add(e.path("event_type").asText() + ":"
                    + e.path("text").asText()));
            next = page.path("meta").has("next_token")
                    ? "&pagination_token=" + page.path("meta").path("next_token").asText() : "";
        } while (!next.isEmpty());

        assertEquals(List.of("MessageCreate:third", "MessageCreate:second",
                "ParticipantsJoin:", "MessageCreate:first"), seen);
    }
}
