package casebird.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code authorize} end to end against the fake's authorize page and token endpoint. */
class AuthorizeTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeTwitterApi x;
    private TwitterAccount bot;
    private String redirect;
    private Path secretFile;

    @BeforeEach
    void startX(@TempDir Path dir) throws Exception {
        x = FakeTwitterApi.start(Clock.systemUTC());
        bot = x.createAccount("casebird_bot");
        x.createAccount("mallory_t");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            redirect = "http://127.0.0.1:" + free.getLocalPort() + "/callback";
        }
        x.v2().oauth2().registerRedirectUri(redirect);
        secretFile = Files.writeString(dir.resolve("client-secret"),
                x.v2().oauth2().clientSecret() + "\n");
    }

    @AfterEach
    void stopX() {
        x.close();
    }

    @Test
    void approvedAsTheBotPrintsARefreshTokenThatXHonoursForTheBot() throws Exception {
        CompletableFuture<Integer> status = authorize();

        HttpResponse<String> page = followRedirectApprovedAs("casebird_bot");

        assertEquals(200, page.statusCode());
        assertEquals(0, status.get(30, TimeUnit.SECONDS), err());
        String token = out().lines().filter(l -> l.startsWith("oauth2-refresh-token="))
                .findFirst().orElseThrow().substring("oauth2-refresh-token=".length());
        OAuth2Grants grants = x.v2().oauth2().grants();
        String access = grants.refresh(token).accessToken();
        assertEquals(bot.id(), grants.access(access).orElseThrow().accountId().getAsLong());
        assertFalse(out().contains(x.v2().oauth2().clientSecret()), out());
    }

    @Test
    void approvedAsAnotherAccountIsRefusedAndPrintsNoToken() throws Exception {
        CompletableFuture<Integer> status = authorize();

        followRedirectApprovedAs("mallory_t");

        assertEquals(1, status.get(30, TimeUnit.SECONDS));
        assertTrue(err().contains("as @mallory_t, not the bot @casebird_bot"), err());
        assertFalse(out().contains("oauth2-refresh-token="), out());
    }

    @Test
    void aRedirectAnsweringAnotherRequestIsRefused() throws Exception {
        CompletableFuture<Integer> status = authorize();
        authorizeUrl();

        get(URI.create(redirect + "?state=someone-elses&code=stolen"));

        assertEquals(1, status.get(30, TimeUnit.SECONDS));
        assertTrue(err().contains("the redirect's state is not this run's"), err());
        assertFalse(out().contains("oauth2-refresh-token="), out());
    }

    @Test
    void noClientSecretIsBadInput() throws Exception {
        int status = main().execute(new String[] {"authorize", "--client-id", "id",
            "--bot-account", "casebird_bot", "--redirect", redirect});

        assertEquals(2, status);
        assertTrue(err().contains("the client secret is missing"), err());
    }

    private CompletableFuture<Integer> authorize() {
        return CompletableFuture.supplyAsync(() -> main().execute(new String[] {"authorize",
            "--client-id", x.v2().oauth2().clientId(), "--client-secret-file",
            secretFile.toString(), "--bot-account", "@casebird_bot", "--redirect", redirect,
            "--authorize-url", x.v2().authorizeUrl().toString(),
            "--token-url", x.v2().tokenUrl().toString(), "--timeout", "20"}));
    }

    private HarnessMain main() {
        return new HarnessMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    /** The admin's browser: the printed URL approved as an account, then X's redirect. */
    private HttpResponse<String> followRedirectApprovedAs(String account) throws Exception {
        HttpResponse<String> approved = get(URI.create(authorizeUrl() + "&approve_as="
                + account));
        assertEquals(302, approved.statusCode(), approved.body());
        return get(URI.create(approved.headers().firstValue("Location").orElseThrow()));
    }

    private String authorizeUrl() throws InterruptedException {
        String prefix = x.v2().authorizeUrl() + "?";
        for (int i = 0; i < 200; i++) {
            var url = out().lines().filter(l -> l.startsWith(prefix)).findFirst();
            if (url.isPresent()) {
                return url.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no authorize URL printed: " + out() + err());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
