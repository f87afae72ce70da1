package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * X's OAuth 2.0 token endpoint ({@code POST /2/oauth2/token}) for a confidential client:
 * HTTP Basic with the client id and secret, form-encoded grants.
 *
 * <p>A grant X refuses (400 or 401) throws {@link AuthorizationLostException}; no answer,
 * 5xx and unreadable answers throw a retryable {@link TwitterApiException}.
 */
public final class TokenEndpoint {

    private static final String CALL = "POST /2/oauth2/token";

    private final URI tokenUri;
    private final String basic;
    private final ApiHttp http;
    private final Clock clock;

    /** Creates the client; {@code tokenUri} is e.g. {@code https://api.x.com/2/oauth2/token}. */
    public TokenEndpoint(URI tokenUri, String clientId, String clientSecret, ApiHttp http,
            Clock clock) {
        this.tokenUri = tokenUri;
        this.basic = basic(clientId, clientSecret);
        this.http = http;
        this.clock = clock;
    }

    /**
     * Trades a refresh token for new tokens; X spends the old refresh token.
     *
     * @throws AuthorizationLostException when X refuses the refresh token
     */
    public OAuth2Tokens refresh(String refreshToken) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "refresh_token");
        grant.put("refresh_token", refreshToken);
        return tokens(grant, "the refresh token");
    }

    /**
     * Trades the code of an authorization for tokens (PKCE: the code's own verifier).
     *
     * @throws AuthorizationLostException when X refuses the code
     */
    public OAuth2Tokens exchange(String code, URI redirectUri, String codeVerifier) {
        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("grant_type", "authorization_code");
        grant.put("code", code);
        grant.put("redirect_uri", redirectUri.toString());
        grant.put("code_verifier", codeVerifier);
        return tokens(grant, "the authorization code");
    }

    private OAuth2Tokens tokens(Map<String, String> grant, String what) {
        byte[] body = grant.entrySet().stream()
                .map(g -> form(g.getKey()) + "=" + form(g.getValue()))
                .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        HttpAnswer answer = http.exchange("POST", tokenUri, Map.of("Authorization", basic,
                "Content-Type", "application/x-www-form-urlencoded",
                "Accept", "application/json"), body);
        if (answer.status() == 400 || answer.status() == 401) {
            throw new AuthorizationLostException("X refused " + what + " (" + answer.status()
                    + ": " + oauthError(answer) + ")");
        }
        if (!answer.successful()) {
            throw V2Errors.failure(CALL, answer, OptionalLong.empty());
        }
        try {
            return read(JsonObject.parse(answer.body()));
        } catch (IOException e) {
            throw V2Errors.unreadable(CALL, e);
        }
    }

    private OAuth2Tokens read(JsonObject answer) throws IOException {
        String access = answer.text("access_token")
                .orElseThrow(() -> new IOException("no access_token"));
        String refresh = answer.text("refresh_token").orElseThrow(() ->
                new AuthorizationLostException("X gave no refresh token: the authorization"
                        + " lacks the offline.access scope"));
        long seconds = answer.number("expires_in")
                .orElseThrow(() -> new IOException("no expires_in"));
        return new OAuth2Tokens(access, refresh, clock.instant().plus(Duration.ofSeconds(seconds)));
    }

    private static String oauthError(HttpAnswer answer) {
        try {
            JsonObject error = JsonObject.parse(answer.body());
            return error.text("error").orElse("no error") + ", "
                    + error.text("error_description").orElse("no description");
        } catch (IOException notJson) {
            return "no readable error";
        }
    }

    /** The HTTP Basic header of a credential pair, each half form-encoded as OAuth 2.0 says. */
    static String basic(String id, String secret) {
        String pair = form(id) + ":" + form(secret);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
