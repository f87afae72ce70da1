package casebird.harness.twitter;

import static casebird.harness.twitter.JsonShapes.shape;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /2/activity/stream}: events as lines in the sample's shape, keep-alives, the
 * connection limit, the endpoint's budget, the drop and stall faults, the cost of each
 * delivered event (streams ending with the fake: {@link LifecycleTest}).
 */
class ActivityStreamTest extends FakeApiTest {

    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);
    /** Far longer than a keep-alive: a read this long without a byte means silence. */
    private static final Duration SILENCE = Duration.ofMillis(1500);

    private XaaCalls xaa;
    private String app;
    private TwitterAccount alice;

    @BeforeEach
    void subscribe() throws Exception {
        api.v2().setStreamKeepAlive(KEEP_ALIVE);
        xaa = new XaaCalls(api);
        app = xaa.appToken();
        alice = api.createAccount("alice_t");
        assertEquals(200, xaa.subscribe(app, bot, null).statusCode());
    }

    private XaaCalls.Stream connected() throws Exception {
        XaaCalls.Stream stream = xaa.stream(app, Duration.ofSeconds(20));
        assertEquals(200, stream.status());
        assertEquals("", stream.line());
        return stream;
    }

    @Test
    void aDmToTheBotIsOneCompactLineInTheSamplesShape() throws Exception {
        try (XaaCalls.Stream stream = connected()) {
            assertTrue(api.v2().streamReady(bot.id()));
            api.deliver(alice.id(), bot.id(), "accept 1234");

            String line = stream.event();
            JsonNode event = TwitterJson.MAPPER.readTree(line);
            assertEquals(shape(JsonShapes.sample("/twitter/samples-v2/xaa-dm-received.json")),
                    shape(event));
            assertEquals(event.toString(), line);
            assertEquals("accept 1234", event.path("data").path("payload")
                    .path("direct_message_events").path(0).path("message_create")
                    .path("message_data").path("text").asText());
        }
    }

    @Test
    void aMembersGroupMessageReachesTheBotAsDmReceivedWithoutItsConversationId()
            throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");
        V2Calls v2 = new V2Calls(api);
        HttpResponse<String> created = v2.post(v2.token(bot), "dm_conversations",
                V2GroupConversationTest.createBody("Group", List.of(alice, bob), "room made"));
        assertEquals(201, created.statusCode(), created.body());
        String group = SignedCalls.json(created).path("data").path("dm_conversation_id")
                .asText();
        try (XaaCalls.Stream stream = connected()) {
            api.v2().postToGroup(alice.id(), group, "accept 1234");

            JsonNode event = TwitterJson.MAPPER.readTree(stream.event()).path("data")
                    .path("payload").path("direct_message_events").path(0);
            assertEquals("accept 1234", event.path("message_create").path("message_data")
                    .path("text").asText());
            assertEquals(Long.toString(alice.id()), event.path("message_create")
                    .path("sender_id").asText());
            assertTrue(event.path("dm_conversation_id").isMissingNode(), event.toString());
            api.v2().postToGroup(bot.id(), group, "the bot's own room post");
            assertEquals("", stream.line());
        }
    }

    @Test
    void anIdleStreamSendsKeepAlivesAndDmsToOthersAreNotStreamed() throws Exception {
        try (XaaCalls.Stream stream = connected()) {
            api.deliver(bot.id(), alice.id(), "the bot's own send");
            for (int i = 0; i < 3; i++) {
                assertEquals("", stream.line());
            }
        }
    }

    @Test
    void aThirdConnectionIsRefusedWith429() throws Exception {
        try (XaaCalls.Stream first = connected(); XaaCalls.Stream second = connected();
                XaaCalls.Stream third = xaa.stream(app, Duration.ofSeconds(5))) {
            assertEquals(429, third.status());
            assertEquals("TooManyConnections", TwitterJson.MAPPER.readTree(third.error())
                    .path("title").asText());
            api.deliver(alice.id(), bot.id(), "to both");
            assertTrue(first.event().contains("to both"));
            assertTrue(second.event().contains("to both"));
        }
    }

    @Test
    void connectionsCountAgainstTheActivityStreamBudget() throws Exception {
        api.v2().setLimit(Endpoint.ACTIVITY_STREAM, 1, Duration.ofSeconds(15));
        connected().close();

        try (XaaCalls.Stream refused = xaa.stream(app, Duration.ofSeconds(5))) {
            assertEquals(429, refused.status());
        }
        assertEquals(2, api.calls().stream().filter(call -> call.endpoint()
                .equals(Optional.of(Endpoint.ACTIVITY_STREAM))).count());
    }

    @Test
    void aDropClosesTheOpenStreamAndTheNextConnectionsAndLosesTheirDms() throws Exception {
        try (XaaCalls.Stream stream = connected()) {
            api.v2().dropStreams(2);
            assertNull(stream.event());
        }
        api.deliver(alice.id(), bot.id(), "sent while down");
        try (XaaCalls.Stream dropped = xaa.stream(app, Duration.ofSeconds(20))) {
            assertEquals(200, dropped.status());
            assertNull(dropped.event());
        }
        try (XaaCalls.Stream stream = connected()) {
            api.deliver(alice.id(), bot.id(), "sent after");
            assertTrue(stream.event().contains("sent after"));
        }
    }

    @Test
    void aStalledStreamSendsNothingUntilTheAppConnectsAgain() throws Exception {
        try (XaaCalls.Stream stalled = xaa.stream(app, SILENCE)) {
            assertEquals("", stalled.line());
            api.v2().stallStreams();
            assertFalse(api.v2().streamReady(bot.id()));
            api.deliver(alice.id(), bot.id(), "never streamed");
            assertThrows(SocketTimeoutException.class, () -> {
                for (int i = 0; i < 20; i++) {
                    assertEquals("", stalled.line());
                }
            });
        }
        try (XaaCalls.Stream stream = connected()) {
            api.deliver(alice.id(), bot.id(), "after the stall");
            assertTrue(stream.event().contains("after the stall"));
        }
    }

    @Test
    void eachDeliveredEventCostsOnceWhateverTheNumberOfStreams() throws Exception {
        api.deliver(alice.id(), bot.id(), "no stream open: not delivered");
        assertEquals(0, BigDecimal.ZERO.compareTo(api.v2().costMeter().spent()));
        try (XaaCalls.Stream first = connected(); XaaCalls.Stream second = connected()) {
            api.deliver(alice.id(), bot.id(), "delivered twice, charged once");
            first.event();
            second.event();
        }
        assertEquals(0, new BigDecimal("0.010").compareTo(api.v2().costMeter().spent()));
    }
}
