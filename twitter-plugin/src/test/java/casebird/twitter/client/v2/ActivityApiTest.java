package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.ScriptedServer.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ActivityApiTest {

    private static final String TOKEN = "{\"token_type\":\"bearer\",\"access_token\":\"app-1\"}";
    private static final String ONE = "{\"subscription_id\":\"77\",\"event_type\":\"dm.received\","
            + "\"filter\":{\"user_id\":\"1000000\"},\"tag\":\"casebird-inbox\","
            + "\"webhook_id\":\"9\",\"created_at\":\"2026-11-30T12:00:00.000Z\","
            + "\"updated_at\":\"2026-11-30T12:00:00.000Z\"}";
    private static final String SUBSCRIPTION = "{\"data\":{\"subscription\":" + ONE + "}}";

    private final V2Fixture fixture = new V2Fixture();
    private final AppBearer bearer = new AppBearer(fixture.x.url().resolve("oauth2/token"),
            "consumer key", "consumer/secret", fixture.http);
    private final ActivityApi api =
            new ActivityApi(fixture.x.url(), fixture.http, bearer, (e, limit, left, reset) ->
                    fixture.learned.add(new V2Fixture.Learned(e, limit, left, reset)));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theAppOnlyTokenComesFromTheConsumerPairOnceAndIsKept() {
        fixture.x.enqueue(Reply.json(200, TOKEN))
                .enqueue(Reply.json(200, "{\"meta\":{\"result_count\":0}}"))
                .enqueue(Reply.json(200, "{\"meta\":{\"result_count\":0}}"));

        assertEquals(List.of(), api.subscriptions());
        assertEquals(List.of(), api.subscriptions());

        ScriptedServer.Recorded token = fixture.x.request(0);
        assertEquals("POST /oauth2/token", token.method() + " " + token.path());
        assertEquals(Map.of("grant_type", "client_credentials"), token.form());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                "consumer+key:consumer%2Fsecret".getBytes(StandardCharsets.UTF_8)),
                token.header("Authorization"));
        assertEquals(3, fixture.x.requests().size());
        assertEquals("Bearer app-1", fixture.x.request(2).header("Authorization"));
    }

    @Test
    void aRefusedTokenIsAskedForAgainOnce() {
        fixture.x.enqueue(Reply.json(200, TOKEN))
                .enqueue(Reply.sample(401, "error-401.json"))
                .enqueue(Reply.json(200, TOKEN.replace("app-1", "app-2")))
                .enqueue(Reply.json(200, "{\"meta\":{\"result_count\":0}}"));

        api.webhooks();

        assertEquals("Bearer app-2", fixture.x.request(3).header("Authorization"));
    }

    @Test
    void aWrongConsumerPairIsAFailureWithXsWords() {
        fixture.x.enqueue(Reply.json(403, "{\"title\":\"Forbidden\",\"detail\":\"Unable to"
                + " verify your credentials\",\"type\":\"about:blank\",\"status\":403}"));

        TwitterApiException e = assertThrows(TwitterApiException.class, api::webhooks);

        assertEquals(403, e.status());
        assertTrue(e.getMessage().contains("Unable to verify your credentials"), e.getMessage());
    }

    @Test
    void subscribingSendsTheBotsFilterAndReadsTheSubscription() {
        fixture.x.enqueue(Reply.json(200, TOKEN)).enqueue(Reply.json(200, SUBSCRIPTION)
                .withHeader("x-rate-limit-limit", "450")
                .withHeader("x-rate-limit-remaining", "449")
                .withHeader("x-rate-limit-reset", "1796040900"));

        ActivityApi.Subscription s = api.subscribe(1000000L, Optional.of("9"));

        assertEquals(new ActivityApi.Subscription("77", "dm.received", "1000000",
                Optional.of("9")), s);
        ScriptedServer.Recorded post = fixture.x.request(1);
        assertEquals("POST /2/activity/subscriptions", post.method() + " " + post.path());
        assertEquals("{\"event_type\":\"dm.received\",\"filter\":{\"user_id\":\"1000000\"},"
                + "\"tag\":\"casebird-inbox\",\"webhook_id\":\"9\"}", post.body());
        assertEquals(List.of(new V2Fixture.Learned(Endpoint.WEBHOOKS, 450, 449, 1796040900L)),
                fixture.learned);
    }

    @Test
    void aUserWhoDidNotAuthorizeTheAppIsRefusedWith403() {
        fixture.x.enqueue(Reply.json(200, TOKEN)).enqueue(Reply.json(403, "{\"title\":"
                + "\"Forbidden\",\"type\":\"https://api.x.com/2/problems/"
                + "not-authorized-for-resource\",\"detail\":\"user 1000000 has not authorized"
                + " this app\",\"resource_type\":\"user\",\"resource_id\":\"1000000\"}"));

        TwitterApiException e = assertThrows(TwitterApiException.class,
                () -> api.subscribe(1000000L, Optional.empty()));

        assertEquals(403, e.status());
        assertFalse(fixture.x.request(1).body().contains("webhook_id"));
    }

    @Test
    void listsDeletesAndWebhookCallsReadXsShapes() {
        fixture.x.enqueue(Reply.json(200, TOKEN))
                .enqueue(Reply.json(200, "{\"data\":[" + ONE + "],\"meta\":{\"result_count\":1}}"))
                .enqueue(Reply.json(200, "{\"data\":{\"deleted\":true}}"))
                .enqueue(Reply.sample(200, "webhooks-list.json"))
                .enqueue(Reply.json(200, "{\"data\":{\"id\":\"5\",\"url\":\"https://h/x\","
                        + "\"valid\":true,\"created_at\":\"2026-11-30T12:10:00.000Z\"}}"))
                .enqueue(Reply.json(200, "{\"data\":{\"valid\":false}}"))
                .enqueue(Reply.json(200, "{\"data\":{\"deleted\":true}}"));

        assertEquals(List.of(new ActivityApi.Subscription("77", "dm.received", "1000000",
                Optional.of("9"))), api.subscriptions());
        api.unsubscribe("77");
        assertEquals(List.of(new ActivityApi.Webhook("1862899000000000001",
                "https://crm.example.com/plugins/casebird-twitter/twitter/webhook", true)),
                api.webhooks());
        assertEquals(new ActivityApi.Webhook("5", "https://h/x", true),
                api.createWebhook(URI.create("https://h/x")));
        assertFalse(api.revalidate("5"));
        api.deleteWebhook("5");

        assertEquals(List.of("GET /2/activity/subscriptions",
                "DELETE /2/activity/subscriptions/77", "GET /2/webhooks", "POST /2/webhooks",
                "PUT /2/webhooks/5", "DELETE /2/webhooks/5"),
                fixture.x.requests().stream().skip(1).map(r -> r.method() + " " + r.path())
                        .toList());
        assertEquals("{\"url\":\"https://h/x\"}", fixture.x.request(4).body());
    }
}
