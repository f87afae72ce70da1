package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.LoopbackWebhook;
import casebird.harness.twitter.TwitterAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When a starting plugin counts as pushing, driven over HTTP as a plugin would: subscribe,
 * connect the stream, or create a webhook and subscribe it.
 */
class PushReadinessTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTwitterApi twitter;
    private TwitterAccount bot;
    private String app;
    private LoopbackWebhook hook;

    @BeforeEach
    void start() throws Exception {
        twitter = FakeTwitterApi.start(Clock.systemUTC());
        twitter.v2().setStreamKeepAlive(Duration.ofMillis(100));
        bot = twitter.createAccount("casebird");
        String basic = Base64.getEncoder().encodeToString((twitter.consumerKey() + ":"
                + twitter.consumerSecret()).getBytes(StandardCharsets.UTF_8));
        app = JSON.readTree(http.send(HttpRequest.newBuilder(twitter.v2().baseUrl()
                .resolve("/oauth2/token")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(), HttpResponse.BodyHandlers.ofString()).body())
                .path("access_token").asText();
        hook = new LoopbackWebhook(twitter::consumerSecret);
    }

    @AfterEach
    void stop() {
        hook.close();
        twitter.close();
    }

    private String post(String path, String json) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(twitter.v2().baseUrl()
                .resolve(path)).header("Authorization", "Bearer " + app)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return answer.body();
    }

    private void subscribe(String webhookId) throws Exception {
        post("activity/subscriptions", "{\"event_type\":\"dm.received\",\"filter\":"
                + "{\"user_id\":\"" + bot.id() + "\"}" + (webhookId == null ? ""
                : ",\"webhook_id\":\"" + webhookId + "\"") + "}");
    }

    /** A connected stream: its answer's first keep-alive has arrived. */
    private HttpURLConnection stream() throws Exception {
        HttpURLConnection connection = (HttpURLConnection) twitter.v2().baseUrl()
                .resolve("activity/stream").toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + app);
        connection.setReadTimeout(10_000);
        InputStream in = connection.getInputStream();
        assertEquals('\r', in.read());
        return connection;
    }

    @Test
    void withTheStreamThePluginIsReadyOnceItConnectedAndASubscriptionExists() throws Exception {
        PushReadiness readiness = PushReadiness.from(twitter, PushReadiness.Mode.STREAM,
                bot.id());
        subscribe(null);
        assertFalse(readiness.ready());

        HttpURLConnection first = stream();
        assertTrue(readiness.ready());

        PushReadiness next = PushReadiness.from(twitter, PushReadiness.Mode.STREAM, bot.id());
        assertFalse(next.ready(), "a stream of the instance before is not this one's");
        HttpURLConnection second = stream();
        assertTrue(next.ready());
        first.disconnect();
        second.disconnect();
    }

    @Test
    void withAV2WebhookThePluginIsReadyOnceItIsValidAndSubscribed() throws Exception {
        PushReadiness readiness = PushReadiness.from(twitter, PushReadiness.Mode.V2_WEBHOOK,
                bot.id());
        String created = post("webhooks", "{\"url\":\"" + hook.url() + "\"}");
        assertFalse(readiness.ready());

        subscribe(JSON.readTree(created).path("data").path("id").asText());
        assertTrue(readiness.ready());
        assertFalse(PushReadiness.from(twitter, PushReadiness.Mode.STREAM, bot.id()).ready());
    }
}
