package casebird.harness.twitter;

import static casebird.harness.twitter.JsonShapes.assertHasShapeOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.io.IOException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's JSON holds every field of Twitter's real samples, with the same JSON types. */
class SampleContractTest extends FakeApiTest {

    private TwitterAccount alice;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
    }

    private static JsonNode sample(String name) throws IOException {
        return JsonShapes.sample("/twitter/samples/" + name);
    }

    private JsonNode sentEvent() throws Exception {
        HttpResponse<String> sent = calls.post(bot, "direct_messages/events/new.json",
                "{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":"
                        + "{\"recipient_id\":" + alice.id() + "},\"message_data\":"
                        + "{\"text\":\"testing\"}}}}");
        assertEquals(200, sent.statusCode(), sent.body());
        return SignedCalls.json(sent);
    }

    @Test
    void newEventAnswerHasEveryFieldOfTwitterRubysSample() throws Exception {
        assertHasShapeOf(sample("twitter-ruby_direct_message_event.json"), sentEvent());
    }

    @Test
    void newEventAnswerHasEveryFieldOfTwitter4sSample() throws Exception {
        assertHasShapeOf(sample("twitter4s_event_new_response.json"), sentEvent());
    }

    @Test
    void showAnswerHasTheSampleEventShape() throws Exception {
        long id = api.deliver(alice.id(), bot.id(), "hello").id();

        HttpResponse<String> shown = calls.get(bot, "direct_messages/events/show.json?id=" + id);

        assertHasShapeOf(sample("twitter-ruby_direct_message_event.json"),
                SignedCalls.json(shown));
    }

    @Test
    void listEventsAndCursorHaveTheSampleShape() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.deliver(alice.id(), bot.id(), "hello " + i);
        }
        JsonNode sample = sample("twitter4s_events_list_with_apps_cursor.json");

        JsonNode ours = SignedCalls.json(calls.get(bot,
                "direct_messages/events/list.json?count=2"));

        assertTrue(ours.path("events").isArray());
        assertEquals(JsonNodeType.STRING, ours.path("next_cursor").getNodeType());
        assertEquals(sample.path("next_cursor").getNodeType(),
                ours.path("next_cursor").getNodeType());
        assertHasShapeOf(sample.path("events").path(0), ours.path("events").path(0));
        assertHasShapeOf(sample("twitter-ruby_direct_message_events.json").path("events")
                .path(1), ours.path("events").path(1));
    }

    @Test
    void webhookDeliveryHasTheShapeOfTheAccountActivitySample() throws Exception {
        JsonNode sample = sample("courier_aaa_direct_message_events_webhook.json");
        DirectMessage dm = api.deliver(alice.id(), bot.id(), "hello");

        JsonNode ours = TwitterJson.delivery(bot.id(), dm, alice, bot);

        assertHasShapeOf(sample.path("direct_message_events").path(0),
                ours.path("direct_message_events").path(0));
        assertHasShapeOf(sample.path("users").path("272953809"),
                ours.path("users").path(Long.toString(alice.id())));
        assertEquals(JsonNodeType.STRING, ours.path("for_user_id").getNodeType());
    }
}
