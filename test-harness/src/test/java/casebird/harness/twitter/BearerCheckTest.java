package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.v2.OAuth2Grants;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every v2 call checks its Bearer token (scopes, app-only, expiry) or OAuth 1.0a signature. */
class BearerCheckTest extends FakeApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    private TwitterAccount alice;

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
    }

    @Test
    void tokenWithoutDmWriteCanReadButNotSend() throws Exception {
        String reader = v2.token(bot, Set.of("dm.read", "tweet.read", "users.read"));

        HttpResponse<String> refused = v2.send(reader, alice, "hi");

        assertEquals(200, v2.get(reader, "dm_events").statusCode());
        assertEquals(403, refused.statusCode());
        JsonNode problem = SignedCalls.json(refused);
        assertTrue(problem.path("detail").asText().contains("dm.write"), refused.body());
        assertFalse(problem.has("resource_id"), "a missing scope names no recipient");
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void appOnlyBearerIsRefusedByDmEndpoints() throws Exception {
        String appOnly = api.v2().oauth2().grants().issueAppOnly();

        HttpResponse<String> refused = v2.get(appOnly, "dm_events");

        assertEquals(403, refused.statusCode());
        assertTrue(SignedCalls.json(refused).path("detail").asText()
                .contains("Application-Only"), refused.body());
    }

    @Test
    void accessTokenExpiresAfterTwoMinutes() throws Exception {
        String token = v2.token(bot);

        clock.advance(OAuth2Grants.ACCESS_LIFETIME.minusSeconds(1));
        HttpResponse<String> before = v2.get(token, "users/me");
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> after = v2.get(token, "users/me");

        assertEquals(200, before.statusCode());
        assertEquals(401, after.statusCode());
    }

    @Test
    void expireFaultEndsAccessTokensButRefreshStillWorks() throws Exception {
        OAuth2Grants.Tokens tokens = api.v2().oauth2().grants().issue(bot.id(), V2Calls.BOT_SCOPES);
        String alicesToken = v2.token(alice);

        api.v2().oauth2().grants().expireAccess(bot.id());

        assertEquals(401, v2.get(tokens.accessToken(), "users/me").statusCode());
        assertEquals(200, v2.get(alicesToken, "users/me").statusCode());
        HttpResponse<String> refreshed = v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken().orElseThrow()));
        assertEquals(200, refreshed.statusCode());
        assertEquals(200, v2.get(SignedCalls.json(refreshed).path("access_token").asText(),
                "users/me").statusCode());
    }

    @Test
    void revokeFaultEndsAccessAndRefresh() throws Exception {
        OAuth2Grants.Tokens tokens = api.v2().oauth2().grants().issue(bot.id(), V2Calls.BOT_SCOPES);

        api.v2().oauth2().grants().revokeAll(bot.id());

        assertEquals(401, v2.get(tokens.accessToken(), "users/me").statusCode());
        assertEquals(400, v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", tokens.refreshToken().orElseThrow())).statusCode());
    }

    @Test
    void refreshTokenOnlyWithOfflineAccess() {
        assertTrue(api.v2().oauth2().grants().issue(bot.id(), Set.of("dm.read")).refreshToken()
                .isEmpty());
    }

    @Test
    void oauth1UserContextIsAcceptedOnV2() throws Exception {
        HttpResponse<String> me = calls.get(bot, "/2/users/me");

        assertEquals(200, me.statusCode(), me.body());
        assertEquals("casebird", SignedCalls.json(me).path("data").path("username").asText());
    }

    @Test
    void badOauth1SignatureOnV2IsTheProblemFormats401() throws Exception {
        TwitterAccount forged = bot.withToken(bot.accessToken(), "not-the-secret");

        HttpResponse<String> refused = calls.get(forged, "/2/users/me");

        assertEquals(401, refused.statusCode());
        assertEquals("Unauthorized", SignedCalls.json(refused).path("title").asText());
    }

    @Test
    void missingAuthorizationIs401AndRecordedUnderTheLogicalEndpoint() throws Exception {
        HttpResponse<String> refused = v2.fetch(api.v2().baseUrl().resolve("dm_events"));

        assertEquals(401, refused.statusCode());
        assertEquals(Endpoint.DM_LIST, api.calls().get(0).endpoint().orElseThrow());
        assertEquals("/2/dm_events", api.calls().get(0).path());
    }
}
