package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
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
    private HttpServer hook;
    private final List<String> verifiedBodies = new CopyOnWriteArrayList<>();
    private final AtomicInteger deliveryStatus = new AtomicInteger(200);
    private volatile boolean answerCrc = true;

    @BeforeEach
    void start() throws Exception {
        startApi(WebhookSender.TWITTER_RETRIES);
        hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", this::webhook);
        hook.start();
    }

    private void startApi(List<Duration> webhookRetries) throws IOException {
        api = FakeTwitterApi.start(Clock.systemUTC(), webhookRetries);
        calls = new SignedCalls(api);
        bot = api.createAccount("casebird");
        alice = api.createAccount("alice_t");
    }

    @AfterEach
    void stop() {
        hook.stop(0);
        api.close();
    }

    /** Answers CRC as the docs say and records deliveries whose signature checks out. */
    private void webhook(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        byte[] answer = new byte[0];
        int status;
        if (query != null && query.startsWith("crc_token=") && answerCrc) {
            String token = query.substring("crc_token=".length());
            answer = ("{\"response_token\":\"" + WebhookSender.sign(api.consumerSecret(), token)
                    + "\"}").getBytes(StandardCharsets.UTF_8);
            status = 200;
        } else if (exchange.getRequestMethod().equals("POST")) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE);
            if (WebhookSender.sign(api.consumerSecret(), body).equals(signature)) {
                verifiedBodies.add(body);
            }
            status = deliveryStatus.get();
        } else {
            status = 400;
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    private URI hookUrl() {
        return URI.create("http://127.0.0.1:" + hook.getAddress().getPort() + "/hook");
    }

    private HttpResponse<String> register() throws Exception {
        return calls.call("POST", bot, api.consumerSecret(), "account_activity/all/prod/"
                + "webhooks.json?url=" + URLEncoder.encode(hookUrl().toString(),
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
        answerCrc = false;
        HttpResponse<String> refused = register();
        answerCrc = true;
        HttpResponse<String> accepted = register();

        assertEquals(400, refused.statusCode());
        assertEquals(214, SignedCalls.errorCode(refused));
        assertEquals(200, accepted.statusCode(), accepted.body());
        JsonNode listed =
                SignedCalls.json(calls.get(bot, "account_activity/all/prod/webhooks.json"));
        assertEquals(hookUrl().toString(), listed.path(0).path("url").asText());
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

        awaitTrue(() -> verifiedBodies.size() == 1);
        JsonNode body = TwitterJson.MAPPER.readTree(verifiedBodies.get(0));
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
        assertEquals(List.of(), verifiedBodies);
    }

    @Test
    void aWebhookAnswering500IsRetriedUntilItAccepts() throws Exception {
        registerAndSubscribe();
        deliveryStatus.set(500);

        api.deliver(alice.id(), bot.id(), "accept 1234");
        awaitTrue(() -> verifiedBodies.size() == 1);
        deliveryStatus.set(200);

        awaitTrue(() -> verifiedBodies.size() == 2);
        assertEquals(verifiedBodies.get(0), verifiedBodies.get(1));
    }

    @Test
    void dropAndRepeatFaultsActOnTheNextDeliveries() throws Exception {
        registerAndSubscribe();
        api.addWebhookFault(new WebhookFault(WebhookFault.Kind.DROP, 0, Duration.ZERO, 1, 1));
        api.addWebhookFault(new WebhookFault(WebhookFault.Kind.REPEAT, 0, Duration.ZERO, 3, 1));

        api.deliver(alice.id(), bot.id(), "dropped");
        api.deliver(alice.id(), bot.id(), "repeated");

        awaitTrue(() -> verifiedBodies.size() == 3);
        assertTrue(verifiedBodies.stream().allMatch(b -> b.contains("repeated")));
    }

    @Test
    void aForgedDeliveryIsSignedWithAnotherSecret() throws Exception {
        registerAndSubscribe();

        List<Integer> statuses = api.postForgedDelivery(alice.id(), bot.id(), "accept 1234");

        assertEquals(List.of(200), statuses);
        assertEquals(List.of(), verifiedBodies);
    }
}
