package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app-only Bearer token and the X Activity API's subscriptions. */
class ActivitySubscriptionsTest extends FakeApiTest {

    private XaaCalls xaa;
    private String app;

    @BeforeEach
    void appToken() throws Exception {
        xaa = new XaaCalls(api);
        app = xaa.appToken();
    }

    @Test
    void theAppOnlyTokenIsForActivityCallsAndUserTokensAreNot() throws Exception {
        assertEquals(403, v2.get(app, "dm_events").statusCode());
        assertEquals(403, xaa.call("GET", v2.token(bot), "activity/subscriptions", null)
                .statusCode());
        assertEquals(401, xaa.call("GET", "not-a-token", "activity/subscriptions", null)
                .statusCode());
        assertEquals(403, xaa.call("GET", v2.token(bot), "webhooks", null).statusCode());
        assertEquals(200, xaa.call("GET", app, "webhooks", null).statusCode());
    }

    @Test
    void aWrongConsumerPairGetsNoToken() throws Exception {
        assertEquals(403, v2.form(api.v2().baseUrl().resolve("/oauth2/token"),
                api.consumerKey(), "wrong", java.util.Map.of("grant_type",
                        "client_credentials")).statusCode());
    }

    @Test
    void aSubscriptionIsCreatedListedRefusedTwiceAndDeleted() throws Exception {
        JsonNode created = XaaCalls.json(xaa.subscribe(app, bot, null), 200)
                .path("data").path("subscription");
        assertEquals("dm.received", created.path("event_type").asText());
        assertEquals(Long.toString(bot.id()), created.path("filter").path("user_id").asText());
        assertEquals("casebird-inbox", created.path("tag").asText());
        assertFalse(created.has("webhook_id"));
        assertTrue(created.has("created_at") && created.has("updated_at"));

        JsonNode list = XaaCalls.json(xaa.call("GET", app, "activity/subscriptions", null), 200);
        assertEquals(1, list.path("meta").path("result_count").asInt());
        assertEquals(created, list.path("data").path(0));

        JsonNode duplicate = XaaCalls.json(xaa.subscribe(app, bot, null), 409);
        assertTrue(duplicate.path("detail").asText().contains("already exists"));

        String id = created.path("subscription_id").asText();
        assertTrue(XaaCalls.json(xaa.call("DELETE", app, "activity/subscriptions/" + id, null),
                200).path("data").path("deleted").asBoolean());
        JsonNode empty = XaaCalls.json(xaa.call("GET", app, "activity/subscriptions", null),
                200);
        assertFalse(empty.has("data"));
        assertEquals(0, empty.path("meta").path("result_count").asInt());
        assertEquals(404, xaa.call("DELETE", app, "activity/subscriptions/" + id, null)
                .statusCode());
    }

    @Test
    void aUserWhoHasNotAuthorizedTheAppCannotBeSubscribed() throws Exception {
        api.revokeToken(bot.accessToken());

        JsonNode refused = XaaCalls.json(xaa.subscribe(app, bot, null), 403);
        assertEquals("https://api.x.com/2/problems/not-authorized-for-resource",
                refused.path("type").asText());
        assertEquals(Long.toString(bot.id()), refused.path("resource_id").asText());

        api.v2().oauth2().grants().issue(bot.id(), Set.of("dm.read", "users.read"));
        assertEquals(200, xaa.subscribe(app, bot, null).statusCode());
    }

    @Test
    void aSubscriptionNeedsDmReceivedAndAnExistingWebhook() throws Exception {
        assertEquals(400, xaa.call("POST", app, "activity/subscriptions",
                "{\"event_type\":\"dm.sent\",\"filter\":{\"user_id\":\"" + bot.id() + "\"}}")
                .statusCode());
        assertEquals(404, xaa.subscribe(app, bot, "123").statusCode());
    }
}
