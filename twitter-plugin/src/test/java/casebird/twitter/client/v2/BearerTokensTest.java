package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    private static final String SAMPLE_ACCESS =
            "dGVzdC1hY2Nlc3MtdG9rZW4tMToxNzk2MDQ1MzY2OjE6MTphdDox";
    private static final String SAMPLE_REFRESH =
            "dGVzdC1yZWZyZXNoLXRva2VuLTE6MTc5NjA0NTM2NjoxOjE6cnQ6MQ";

    private final MutableClock clock = new MutableClock(START);
    private final ScriptedServer x = ScriptedServer.start();
    private final FakeTokenStore store = new FakeTokenStore(() -> x.requests().size());
    private final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final BearerTokens tokens = new BearerTokens(
            new TokenEndpoint(x.url().resolve("2/oauth2/token"), "client-1", "secret:1", http,
                    clock),
            store, Optional.of("seed-refresh"), clock, Duration.ofMinutes(5));
    private final XApiV2Port port = new XApiV2Port(x.url(), http, tokens, (e, l, r, t) -> { });

    @AfterEach
    void close() {
        http.close();
        x.close();
    }

    @Test
    void seedIsTradedForTokensThatAreSavedBeforeTheFirstCall() {
        answer(200, "oauth2-token.json").answer(200, "users-me.json");

        port.verifyCredentials();

        ScriptedServer.Recorded grant = x.request(0);
        assertEquals("POST /2/oauth2/token", grant.method() + " " + grant.path());
        assertEquals(Map.of("grant_type", "refresh_token", "refresh_token", "seed-refresh"),
                grant.form());
        assertEquals("Basic " + Base64.getEncoder().encodeToString(
                "client-1:secret%3A1".getBytes(StandardCharsets.UTF_8)),
                grant.header("Authorization"));
        assertEquals("Bearer " + SAMPLE_ACCESS, x.request(1).header("Authorization"));
        assertEquals(List.of(new FakeTokenStore.Save(new OAuth2Tokens(SAMPLE_ACCESS,
                SAMPLE_REFRESH, START.plusSeconds(7200)), 1)), store.saves());
    }

    @Test
    void accessTokenIsRefreshedTheMarginBeforeItExpires() {
        store.hold(new OAuth2Tokens("access-1", "refresh-1", START.plus(Duration.ofHours(2))));
        answer(200, "users-me.json").answer(200, "users-me.json")
                .answer(200, "oauth2-token.json").answer(200, "users-me.json");

        port.verifyCredentials();
        clock.advance(Duration.ofMinutes(114));
        port.verifyCredentials();
        clock.advance(Duration.ofMinutes(1));
        port.verifyCredentials();

        assertEquals(List.of("GET /2/users/me", "GET /2/users/me", "POST /2/oauth2/token",
                "GET /2/users/me"), calls());
        assertEquals("refresh-1", x.request(2).form().get("refresh_token"));
        assertEquals("Bearer access-1", x.request(1).header("Authorization"));
        assertEquals("Bearer " + SAMPLE_ACCESS, x.request(3).header("Authorization"));
        assertEquals(3, store.saves().get(0).requestsBefore(), "saved before its first use");
    }

    @Test
    void unauthorizedCallIsRefreshedAndTriedOnceMore() {
        store.hold(new OAuth2Tokens("revoked", "refresh-1", START.plus(Duration.ofHours(2))));
        answer(401, "error-401.json").answer(200, "oauth2-token.json")
                .answer(200, "users-me.json");

        assertEquals(1000000, port.verifyCredentials().id());

        assertEquals("Bearer " + SAMPLE_ACCESS, x.request(2).header("Authorization"));
        assertEquals(2, store.saves().get(0).requestsBefore());
    }

    @Test
    void unauthorizedSendIsRefreshedAndPostedAgainWithItsText() {
        store.hold(new OAuth2Tokens("revoked", "refresh-1", START.plus(Duration.ofHours(2))));
        answer(401, "error-401.json").answer(200, "oauth2-token.json")
                .answer(201, "dm_send-response.json");

        port.send(1000001, "accept 1234");

        assertEquals(List.of("POST /2/dm_conversations/with/1000001/messages",
                "POST /2/oauth2/token", "POST /2/dm_conversations/with/1000001/messages"),
                calls());
        assertEquals(x.request(0).body(), x.request(2).body());
        assertEquals("Bearer " + SAMPLE_ACCESS, x.request(2).header("Authorization"));
    }

    @Test
    void secondUnauthorizedAnswerMeansTheAuthorizationIsLost() {
        store.hold(new OAuth2Tokens("revoked", "refresh-1", START.plus(Duration.ofHours(2))));
        answer(401, "error-401.json").answer(200, "oauth2-token.json")
                .answer(401, "error-401.json");

        var e = assertThrows(AuthorizationLostException.class, port::verifyCredentials);

        assertTrue(e.credentialsRejected());
        assertTrue(e.getMessage().contains("authorize the bot again"), e.getMessage());
        assertEquals(3, x.requests().size());
    }

    @Test
    void refusedRefreshStopsCallsUntilANewAuthorizationIsStored() {
        store.hold(new OAuth2Tokens("old", "spent-refresh", START.minusSeconds(1)));
        answer(400, "oauth2-token-invalid-grant.json");

        var refused = assertThrows(AuthorizationLostException.class, port::verifyCredentials);
        var again = assertThrows(AuthorizationLostException.class, port::verifyCredentials);

        assertTrue(refused.getMessage().contains("authorize the bot again"), refused.getMessage());
        assertTrue(refused.getMessage().contains("Value passed for the token was invalid"));
        assertTrue(again.credentialsRejected());
        assertEquals(List.of("POST /2/oauth2/token"), calls());

        store.hold(new OAuth2Tokens("new-access", "new-refresh", START.plus(Duration.ofHours(2))));
        answer(200, "users-me.json");
        port.verifyCredentials();
        assertEquals("Bearer new-access", x.request(1).header("Authorization"));
    }

    @Test
    void failedRefreshKeepsTheTokenInHandWhileItIsValid() {
        store.hold(new OAuth2Tokens("access-1", "refresh-1", START.plus(Duration.ofMinutes(3))));
        answer(503, "error-429.json").answer(200, "users-me.json");

        port.verifyCredentials();

        assertEquals(List.of("POST /2/oauth2/token", "GET /2/users/me"), calls());
        assertEquals("Bearer access-1", x.request(1).header("Authorization"));
        assertEquals(List.of(), store.saves());
    }

    @Test
    void tokensNeverShowInTheirDescription() {
        OAuth2Tokens t = new OAuth2Tokens("access-secret", "refresh-secret", START);

        assertFalse(t.toString().contains("secret"), t.toString());
    }

    private BearerTokensTest answer(int status, String sample) {
        x.enqueue(ScriptedServer.Reply.sample(status, sample));
        return this;
    }

    private List<String> calls() {
        return x.requests().stream().map(r -> r.method() + " " + r.path()).toList();
    }
}
