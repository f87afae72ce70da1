package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Server;
import casebird.harness.twitter.v2.Pkce;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Authorizes the fake's app for an account as an admin would, over HTTP: the authorize page
 * (S256 challenge, one-time state) approved as the account, then the code traded for
 * tokens at {@code POST /2/oauth2/token} under the client's Basic credentials.
 */
public final class OAuth2Authorizer {

    /** The scopes a bot asks for: read and send DMs, know users, refresh without the admin. */
    public static final String BOT_SCOPES = "dm.read dm.write tweet.read users.read"
            + " offline.access";
    /** Where the fake's authorize page sends the admin back; never fetched. */
    static final String REDIRECT_URI = "http://127.0.0.1/casebird-harness/oauth2/callback";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final XApiV2 v2;
    private final Random random;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** An authorizer for that fake's app, making its state and verifier from random. */
    public OAuth2Authorizer(XApiV2 v2, Random random) {
        this.v2 = v2;
        this.random = random;
    }

    /**
     * Authorizes the app as the account with {@link #BOT_SCOPES}; returns the refresh token.
     *
     * @throws TwitterHttpException when the authorize page or the token call refuses
     * @throws IOException when a call fails or the answer lacks what it should hold
     */
    public String refreshToken(TwitterAccount account) throws IOException {
        OAuth2Server oauth2 = v2.oauth2();
        oauth2.registerRedirectUri(REDIRECT_URI);
        String state = RandomTokens.next(16, random);
        String verifier = RandomTokens.next(64, random);
        URI page = URI.create(v2.authorizeUrl() + "?" + form(Map.of("response_type", "code",
                "client_id", oauth2.clientId(), "redirect_uri", REDIRECT_URI,
                "scope", BOT_SCOPES, "state", state, "code_challenge",
                Pkce.challengeOf(verifier), "code_challenge_method", "S256",
                "approve_as", account.screenName())));
        HttpResponse<String> approved = send(HttpRequest.newBuilder(page).GET(), "authorize");
        String location = approved.headers().firstValue("Location").orElse("");
        Map<String, String> back = FormEncoding.decodeForm(URI.create(location).getRawQuery())
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (approved.statusCode() != 302 || !state.equals(back.get("state"))) {
            throw new TwitterHttpException("GET " + v2.authorizeUrl(), approved.statusCode(),
                    "redirect without this request's state: " + approved.body());
        }
        String basic = Base64.getEncoder().encodeToString((FormEncoding.percentEncode(
                oauth2.clientId()) + ":" + FormEncoding.percentEncode(oauth2.clientSecret()))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> tokens = send(HttpRequest.newBuilder(v2.tokenUrl())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                        "grant_type", "authorization_code", "code", back.get("code"),
                        "redirect_uri", REDIRECT_URI, "code_verifier", verifier)))), "token");
        if (tokens.statusCode() != 200) {
            throw new TwitterHttpException("POST " + v2.tokenUrl(), tokens.statusCode(),
                    tokens.body());
        }
        String refresh = TwitterJson.MAPPER.readTree(tokens.body()).path("refresh_token")
                .asText("");
        if (refresh.isEmpty()) {
            throw new IOException("POST " + v2.tokenUrl() + " answered no refresh token");
        }
        return refresh;
    }

    private static String form(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + FormEncoding.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what)
            throws IOException {
        try {
            return http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during the " + what + " call");
        }
    }
}
