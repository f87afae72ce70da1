package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's Account Activity side against a small webhook written in the test. */
class WebhookTest {

    /** Twitter's three retries, a hundred times sooner, for a test that waits them out. */
    private static final List<Duration> QUICK_RETRIES =
            List.of(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));

    private FakeTwitterApi api;
    private SignedCalls calls;
    private TwitterAccount bot;
    private TwitterAccount alice;
    private LoopbackWebhook hook;

    @BeforeEach
    void start() throws Exception {
        startApi(WebhookSender.TWITTER_RETRIES);
        hook = new LoopbackWebhook(() -> api.consumerSecret());
    }

    private void startApi(List<Duration> webhookRetries) throws IOException {
        api = FakeTwitterApi.start(Clock.systemUTC(), webhookRetries);
        calls = new SignedCalls(api);
        bot = api.createAccount("casebird");
        alice = api.createAccount("alice_t");
    }

    @AfterEach
    void stop() {
        hook.close();
        api.close();
    }

    private HttpResponse<String> register() throws Exception {
        return calls.call("POST", bot, api.consumerSecret(), "account_activity/all/prod/"
                + "webhooks.json?url=" + URLEncoder.encode(hook.url().toString(),
                        StandardCharsets.UTF_8), null);
    }

    private void registerAndSubscribe() throws Exception {
        assertEquals(200, register().statusCode());
        assertEquals(204, calls.post(bot, "account_activity/all/prod/subscriptions.json", null)
                .statusCode());
    }

    private static void awaitTrue(BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean());
    }

    @Test
    void signatureMatchesThePublishedTestVector() {
        assertEquals("sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0=",
                WebhookSender.sign("apiSecret", "test token"));
    }

    @Test
    void registrationChecksTheCrcAndListsTheWebhook() throws Exception {
        hook.answerCrc = false;
        HttpResponse<String> refused = register();
        hook.answerCrc = true;
        HttpResponse<String> accepted = register();

        assertEquals(400, refused.statusCode());
        assertEquals(214, SignedCalls.errorCode(refused));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode listed =
                SignedCalls.json(calls.get(bot, "account_activity/all/prod/webhooks.json"));
        assertEquals(hook.url().toString(), listed.path(0).path("url").asText());
        assertTrue(listed.path(0).path("valid").asBoolean());
    }

    @Test
    void aSecondSubscriptionIs409() throws Exception {
        registerAndSubscribe();

        HttpResponse<String> again =
                calls.post(bot, "account_activity/all/prod/subscriptions.json", null);

        assertEquals(409, again.statusCode());
        assertEquals(355, SignedCalls.errorCode(again));
    }

    @Test
    void eachDmOfTheSubscribedBotIsDeliveredSignedWithTheDmEvent() throws Exception {
        registerAndSubscribe();

        long id = api.deliver(alice.id(), bot.id(), "accept 1234").id();

        awaitTrue(() -> hook.verified.size() == 1);
        JsonNode body = TwitterJson.MAPPER.readTree(hook.verified.get(0));
        assertEquals(Long.toString(bot.id()), body.path("for_user_id").asText());
        assertEquals(Long.toString(id), body.path("direct_message_events").path(0).path("id")
                .asText());
    }

    @Test
    void aFailedDeliveryIsRetriedThreeTimesThenGivenUp() throws Exception {
        api.close();
        startApi(QUICK_RETRIES);
        registerAndSubscribe();
        api.addWebhookFault(new WebhookFault(WebhookFault.Kind.FAIL, 503, Duration.ZERO, 1, 4));

        long id = api.deliver(alice.id(), bot.id(), "accept 1234").id();

        awaitTrue(() -> api.webhookDeliveriesGivenUp().contains(id));
        assertEquals(List.of(503, 503, 503, 503), api.webhookAttempts().stream()
                .map(WebhookSender.Attempt::status).toList());
        assertEquals(List.of(), hook.verified);
    }

    @Test
    void aWebhookAnswering500IsRetriedUntilItAccepts() throws Exception {
        registerAndSubscribe();
        hook.deliveryStatus.set(500);

        api.deliver(alice.id(), bot.id(), "accept 1234");
        awaitTrue(() -> hook.verified.size() == 1);
        hook.deliveryStatus.set(200);

        awaitTrue(() -> hook.verified.size() == 2);
        assertEquals(hook.verified.get(0), hook.verified.get(1));
    }

    @Test
    void dropAndRepeatFaultsActOnTheNextDeliveries() throws Exception {
        registerAndSubscribe();
        api.addWebhookFault(new WebhookFault(WebhookFault.Kind.DROP, 0, Duration.ZERO, 1, 1));
        api.addWebhookFault(new WebhookFault(WebhookFault.Kind.REPEAT, 0, Duration.ZERO, 3, 1));

        api.deliver(alice.id(), bot.id(), "dropped");
        api.deliver(alice.id(), bot.id(), "repeated");

        awaitTrue(() -> hook.verified.size() == 3);
        assertTrue(hook.verified.stream().allMatch(b -> b.contains("repeated")));
    }

    @Test
    void aForgedDeliveryIsSignedWithAnotherSecret() throws Exception {
        registerAndSubscribe();

        List<Integer> statuses = api.postForgedDelivery(alice.id(), bot.id(), "accept 1234");

        assertEquals(List.of(200), statuses);
        assertEquals(List.of(), hook.verified);
    }
}
