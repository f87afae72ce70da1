package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.FakeTwitterClient;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.v2.OAuth2Grants;
import casebird.harness.twitter.v2.OAuth2Server;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A host instance's own route to the fake X API, and what fencing it does to its calls. */
class FenceableRouteTest {

    private static final Set<String> SCOPES = Set.of("dm.read", "dm.write", "tweet.read",
            "users.read", "offline.access");

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private FakeTwitterApi api;
    private TwitterAccount bot;
    private FenceableRoute killed;
    private FenceableRoute next;

    @BeforeEach
    void start() throws IOException {
        api = FakeTwitterApi.start(Clock.systemUTC());
        bot = api.createAccount("casebird");
        killed = FenceableRoute.open(api.baseUrl());
        next = FenceableRoute.open(api.baseUrl());
    }

    @AfterEach
    void stop() {
        killed.close();
        next.close();
        api.close();
    }

    private HttpResponse<String> usersMe(FenceableRoute route, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(route.rebase(api.v2().baseUrl())
                .resolve("users/me")).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> refresh(FenceableRoute route, String refreshToken)
            throws Exception {
        OAuth2Server oauth2 = api.v2().oauth2();
        String basic = Base64.getEncoder().encodeToString((oauth2.clientId() + ":"
                + oauth2.clientSecret()).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(route.rebase(api.v2().tokenUrl()))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token"
                        + "&refresh_token=" + refreshToken))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void callsThroughARouteReachTheFakeWithSignaturesIntact() throws Exception {
        TwitterAccount alice = api.createAccount("alice");
        String token = api.v2().oauth2().grants().issue(bot.id(), SCOPES).accessToken();

        HttpResponse<String> me = usersMe(killed, token);
        new FakeTwitterClient(killed.rebase(api.baseUrl()), api.consumerKey(),
                api.consumerSecret(), api.clock()).sendDirectMessage(alice, bot.id(), "hi");

        assertEquals(200, me.statusCode(), me.body());
        assertEquals(1, api.messagesOf(bot.id()).size());
        assertEquals(killed.rebase(api.baseUrl()).getPath(), api.baseUrl().getPath());
    }

    @Test
    void aFencedRouteCannotUseRefreshOrSpendTheNextInstancesTokens() throws Exception {
        OAuth2Grants.Tokens tokens = api.v2().oauth2().grants().issue(bot.id(), SCOPES);
        assertEquals(200, usersMe(killed, tokens.accessToken()).statusCode());
        int callsBefore = api.calls().size();

        killed.fence();

        assertThrows(IOException.class, () -> usersMe(killed, tokens.accessToken()));
        assertThrows(IOException.class,
                () -> refresh(killed, tokens.refreshToken().orElseThrow()));
        assertEquals(callsBefore, api.calls().size());
        HttpResponse<String> refreshed = refresh(next, tokens.refreshToken().orElseThrow());
        assertEquals(200, refreshed.statusCode(), refreshed.body());
        assertEquals(200, usersMe(next, tokens.accessToken()).statusCode());
    }

    @Test
    void aFencedRouteKeepsItsPortSoNoLaterRouteTakesItsCalls() {
        int port = killed.rebase(api.baseUrl()).getPort();

        killed.fence();

        assertThrows(BindException.class,
                () -> new ServerSocket(port, 50, InetAddress.getLoopbackAddress()).close());
    }
}
