package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X API v2 webhooks: created after a CRC, the URL rule and its loopback concession,
 * {@code valid} and re-validation, and the signed XAA deliveries of subscriptions that
 * name the webhook, retried, then given up (the webhook turns invalid).
 */
class V2WebhooksTest {

    private static final List<Duration> QUICK_RETRIES =
            List.of(Duration.ofMillis(50), Duration.ofMillis(50));

    private FakeTwitterApi api;
    private XaaCalls xaa;
    private String app;
    private TwitterAccount bot;
    private TwitterAccount alice;
    private LoopbackWebhook hook;

    @BeforeEach
    void start() throws Exception {
        api = FakeTwitterApi.start(Clock.systemUTC(), QUICK_RETRIES);
        bot = api.createAccount("casebird");
        alice = api.createAccount("alice_t");
        xaa = new XaaCalls(api);
        app = xaa.appToken();
        hook = new LoopbackWebhook(() -> api.consumerSecret());
    }

    @AfterEach
    void stop() {
        hook.close();
        api.close();
    }

    private String hookUrl() {
        return hook.url().toString();
    }

    private JsonNode create(String url, int status) throws Exception {
        return XaaCalls.json(xaa.call("POST", app, "webhooks", "{\"url\":\"" + url + "\"}"),
                status);
    }

    private String subscribedWebhook() throws Exception {
        String id = create(hookUrl(), 200).path("data").path("id").asText();
        assertEquals(200, xaa.subscribe(app, bot, id).statusCode());
        assertTrue(api.v2().webhookReady(bot.id()));
        return id;
    }

    private JsonNode list() throws Exception {
        return XaaCalls.json(xaa.call("GET", app, "webhooks", null), 200);
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void aWebhookIsCreatedAfterItsCrcAndListedValid() throws Exception {
        JsonNode created = create(hookUrl(), 200).path("data");
        assertEquals(hookUrl(), created.path("url").asText());
        assertTrue(created.path("valid").asBoolean());

        JsonNode listed = list();
        assertEquals(1, listed.path("meta").path("result_count").asInt());
        assertEquals(created, listed.path("data").path(0));
        JsonNode sample = JsonShapes.sample("/twitter/samples-v2/webhooks-list.json");
        assertEquals(JsonShapes.shape(sample), JsonShapes.shape(listed));
        assertTrue(create(hookUrl(), 400).path("title").asText().contains("TooManyWebhooks"));
    }

    @Test
    void aFailedCrcCreatesNoWebhook() throws Exception {
        hook.answerCrc = false;

        assertTrue(create(hookUrl(), 400).toString().contains("CRC validation failed"));
        assertFalse(list().has("data"));
    }

    @Test
    void urlsWithAPortOrWithoutHttpsAreRefusedExceptOnLoopback() throws Exception {
        assertTrue(create("https://crm.example.com:8443/hook", 400).toString()
                .contains("port"));
        assertTrue(create("http://crm.example.com/hook", 400).toString().contains("https"));
        assertTrue(create(hookUrl(), 200).path("data").path("valid").asBoolean());
    }

    @Test
    void revalidationRunsTheCrcAgainAndDeleteRemovesTheWebhook() throws Exception {
        String id = create(hookUrl(), 200).path("data").path("id").asText();
        hook.answerCrc = false;

        assertFalse(XaaCalls.json(xaa.call("PUT", app, "webhooks/" + id, null), 200)
                .path("data").path("valid").asBoolean(true));
        assertFalse(list().path("data").path(0).path("valid").asBoolean(true));
        hook.answerCrc = true;
        assertTrue(XaaCalls.json(xaa.call("PUT", app, "webhooks/" + id, null), 200)
                .path("data").path("valid").asBoolean());

        assertTrue(XaaCalls.json(xaa.call("DELETE", app, "webhooks/" + id, null), 200)
                .path("data").path("deleted").asBoolean());
        assertFalse(list().has("data"));
    }

    @Test
    void eachDmToTheBotIsPostedSignedAsAnXaaEventAndCharged() throws Exception {
        subscribedWebhook();

        api.deliver(alice.id(), bot.id(), "accept 1234");
        awaitTrue(() -> hook.verified.size() == 1);
        JsonNode event = TwitterJson.MAPPER.readTree(hook.verified.get(0)).path("data");
        assertEquals("dm.received", event.path("event_type").asText());
        assertEquals("accept 1234", event.path("payload").path("direct_message_events").path(0)
                .path("message_create").path("message_data").path("text").asText());
        assertEquals(0, new BigDecimal("0.010").compareTo(api.v2().costMeter().spent()));
    }

    @Test
    void aFailingWebhookIsRetriedThenGivenUpAndTurnsInvalid() throws Exception {
        subscribedWebhook();
        hook.deliveryStatus.set(500);

        api.deliver(alice.id(), bot.id(), "accept 1234");
        awaitTrue(() -> !api.v2().webhookReady(bot.id()));
        assertEquals(1 + QUICK_RETRIES.size(), hook.verified.size());
        assertFalse(list().path("data").path(0).path("valid").asBoolean(true));
    }

    @Test
    void aForgedDeliveryToTheV2WebhookIsSignedWithAnotherSecret() throws Exception {
        subscribedWebhook();

        List<Integer> statuses = api.postForgedDelivery(alice.id(), bot.id(), "accept 1234");

        assertEquals(List.of(200), statuses);
        assertEquals(1, hook.refused.size());
        assertTrue(hook.refused.get(0).contains("dm.received"));
        assertTrue(hook.verified.isEmpty());
    }
}
