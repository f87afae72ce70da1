package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.web.WebHandler;
import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.oauth.AuthorizeRoutes;
import casebird.twitter.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin's authorization through the host's routes, X scripted, as an attacker tries. */
class AuthorizeRoutesTest {

    private static final URI HOST = URI.create("https://crm.example/plugins/casebird-twitter/");
    private static final Pattern STATE = Pattern.compile("[;?]state=([A-Za-z0-9_-]+)");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final ScriptedServer x = ScriptedServer.start();
    private final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final FakeTokenStore store = new FakeTokenStore(() -> x.requests().size());
    private final Map<String, WebHandler> served = new HashMap<>();

    @BeforeEach
    void serve() {
        TokenEndpoint tokens = new TokenEndpoint(x.url().resolve("2/oauth2/token"), "client-1",
                "secret-1", http, clock);
        AuthorizeRoutes routes = new AuthorizeRoutes(
                redirect -> new AuthorizeFlow(URI.create("https://x.example/i/oauth2/authorize"),
                        "client-1", redirect, tokens, new SecureRandom(), clock,
                        Duration.ofMinutes(10)),
                t -> new XApiV2Port(x.url(), http, (m, u) -> "Bearer " + t.accessToken(),
                        (e, l, r, s) -> { }).verifyCredentials(),
                "@Casebird", store);
        routes.serve(fakeHost());
    }

    @AfterEach
    void close() {
        http.close();
        x.close();
    }

    @Test
    void theBotsOwnApprovalIsExchangedCheckedAndStored() {
        String state = start();
        x.enqueue(ScriptedServer.Reply.sample(200, "oauth2-token.json"));
        x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json"));

        WebResponse page = callback(Map.of("state", state, "code", "code-1"));

        assertEquals(200, page.status());
        assertEquals("code-1", x.request(0).form().get("code"));
        assertTrue(x.request(1).header("Authorization").startsWith("Bearer dGVzdC1hY2Nlc3M"));
        assertEquals(1, store.saves().size());
        assertFalse(page.body().contains("dGVzdC1"), "the page names no token");
    }

    @Test
    void anotherAccountsApprovalIsRefusedWithAReadablePageAndNothingStored() {
        String state = start();
        x.enqueue(ScriptedServer.Reply.sample(200, "oauth2-token.json"));
        x.enqueue(ScriptedServer.Reply.json(200,
                "{\"data\":{\"id\":\"666\",\"name\":\"x\",\"username\":\"mallory\"}}"));

        WebResponse page = callback(Map.of("state", state, "code", "code-1"));

        assertEquals(403, page.status());
        assertTrue(page.body().contains("@mallory approved, but the bot account is @Casebird"));
        assertTrue(store.saves().isEmpty());
    }

    @Test
    void aStateWorksOnceSoAReplayedCallbackReachesNoX() {
        String state = start();
        x.enqueue(ScriptedServer.Reply.sample(200, "oauth2-token.json"));
        x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json"));
        callback(Map.of("state", state, "code", "code-1"));

        WebResponse replay = callback(Map.of("state", state, "code", "code-1"));

        assertEquals(400, replay.status());
        assertEquals(2, x.requests().size());
        assertEquals(1, store.saves().size());
    }

    @Test
    void aStateExpiresAfterItsLifetime() {
        String state = start();
        clock.advance(Duration.ofMinutes(10));

        assertEquals(400, callback(Map.of("state", state, "code", "code-1")).status());
        assertEquals(0, x.requests().size());
    }

    @Test
    void theCallbackNeverRepeatsWhatItWasSent() {
        String evil = "<script>alert(1)</script>";

        WebResponse forged = callback(Map.of("state", evil, "code", evil));
        WebResponse denied = callback(Map.of("state", "s", "error", evil));

        for (WebResponse page : new WebResponse[] {forged, denied}) {
            assertEquals(400, page.status());
            assertFalse(page.body().contains("<script"), page.body());
            assertTrue(page.body().contains(HOST.resolve(AuthorizeRoutes.START).toString()));
        }
        assertEquals(0, x.requests().size());
    }

    @Test
    void aCodeXRefusesSpendsTheStateAndSaysWhyWithoutTheClientSecret() {
        String state = start();
        x.enqueue(ScriptedServer.Reply.sample(400, "oauth2-token-invalid-grant.json"));

        WebResponse page = callback(Map.of("state", state, "code", "stale"));

        assertEquals(400, page.status());
        assertTrue(page.body().contains("X refused"), page.body());
        assertFalse(page.body().contains("secret-1"));
        assertTrue(store.saves().isEmpty());
    }

    private String start() {
        WebResponse page = served.get(AuthorizeRoutes.START).handle(get(Map.of()));
        assertEquals(200, page.status());
        Matcher state = STATE.matcher(page.body());
        assertTrue(state.find(), page.body());
        assertTrue(page.body().contains("code_challenge_method=S256"));
        return URLDecoder.decode(state.group(1), StandardCharsets.UTF_8);
    }

    private WebResponse callback(Map<String, String> query) {
        return served.get(AuthorizeRoutes.CALLBACK).handle(get(query));
    }

    private static WebRequest get(Map<String, String> query) {
        return new WebRequest("GET", query, Map.of(), new ByteArrayInputStream(new byte[0]));
    }

    private WebRoutes fakeHost() {
        return (path, handler) -> {
            served.put(path, handler);
            return new WebRoute() {
                @Override
                public URI url() {
                    return HOST.resolve(path);
                }

                @Override
                public void close() {
                    served.remove(path);
                }
            };
        };
    }
}
