package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.twitter.testing.MutableClock;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuthorizeFlowTest {

    private static final URI PAGE = URI.create("https://x.example/i/oauth2/authorize");
    private static final URI REDIRECT =
            URI.create("http://127.0.0.1:8765/plugins/casebird-twitter/oauth/callback");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final ScriptedServer x = ScriptedServer.start();
    private final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final AuthorizeFlow flow = new AuthorizeFlow(PAGE, "client-1", REDIRECT,
            new TokenEndpoint(x.url().resolve("2/oauth2/token"), "client-1", "secret-1", http,
                    clock),
            new SecureRandom(), clock, Duration.ofMinutes(10));

    @AfterEach
    void close() {
        http.close();
        x.close();
    }

    @Test
    void authorizeUrlAsksForTheBotsScopesWithAnS256Challenge() {
        Map<String, String> query = query(flow.start());

        assertEquals(List.of("response_type", "client_id", "redirect_uri", "scope", "state",
                "code_challenge", "code_challenge_method"), List.copyOf(query.keySet()));
        assertEquals("code", query.get("response_type"));
        assertEquals("client-1", query.get("client_id"));
        assertEquals(REDIRECT.toString(), query.get("redirect_uri"));
        assertEquals("tweet.read users.read dm.read dm.write offline.access", query.get("scope"));
        assertEquals("S256", query.get("code_challenge_method"));
    }

    @Test
    void codeIsExchangedWithTheVerifierOfTheChallengeOnce() {
        Map<String, String> query = query(flow.start());
        x.enqueue(ScriptedServer.Reply.sample(200, "oauth2-token.json"));

        OAuth2Tokens tokens = flow.finish(query.get("state"), "code-1");

        Map<String, String> grant = x.request(0).form();
        assertEquals("authorization_code", grant.get("grant_type"));
        assertEquals("code-1", grant.get("code"));
        assertEquals(REDIRECT.toString(), grant.get("redirect_uri"));
        assertEquals(query.get("code_challenge"), Pkce.challengeOf(grant.get("code_verifier")));
        assertEquals(clock.instant().plusSeconds(7200), tokens.expiresAt());
        assertThrows(AuthorizeFlow.UnknownStateException.class,
                () -> flow.finish(query.get("state"), "code-1"));
        assertEquals(1, x.requests().size());
    }

    @Test
    void unknownOrExpiredStateIsRefusedWithoutAskingX() {
        String state = query(flow.start()).get("state");
        clock.advance(Duration.ofMinutes(10));

        assertThrows(AuthorizeFlow.UnknownStateException.class, () -> flow.finish(state, "c"));
        assertThrows(AuthorizeFlow.UnknownStateException.class,
                () -> flow.finish("forged-state", "c"));
        assertEquals(List.of(), x.requests());
    }

    @Test
    void refusedCodeIsALostAuthorization() {
        String state = query(flow.start()).get("state");
        x.enqueue(ScriptedServer.Reply.sample(400, "oauth2-token-invalid-grant.json"));

        assertThrows(AuthorizationLostException.class, () -> flow.finish(state, "stale-code"));
    }

    private static Map<String, String> query(URI url) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : url.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return values;
    }
}
