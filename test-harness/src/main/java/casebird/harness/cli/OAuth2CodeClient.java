package casebird.harness.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin's side of X's OAuth 2.0 token call for a confidential client: a code and its
 * PKCE verifier traded for tokens under HTTP Basic, and {@code GET /2/users/me} to learn
 * whose they are.
 */
final class OAuth2CodeClient {

    /** The tokens a code was traded for. */
    record Tokens(String accessToken, String refreshToken) {}

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;

    OAuth2CodeClient(URI tokenUrl, String clientId, String clientSecret) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /**
     * Trades the code for tokens.
     *
     * @throws AuthorizationFailedException when X refuses the code (its answer says why) or
     *     gives no refresh token (the scopes lacked {@code offline.access})
     */
    Tokens redeem(String code, URI redirect, String verifier)
            throws AuthorizationFailedException, IOException {
        String basic = Base64.getEncoder().encodeToString((encode(clientId) + ":"
                + encode(clientSecret)).getBytes(StandardCharsets.UTF_8));
        String form = Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirect.toString(), "code_verifier", verifier).entrySet()
                .stream().map(e -> e.getKey() + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        JsonNode answer = call(HttpRequest.newBuilder(tokenUrl)
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), "POST " + tokenUrl);
        String refresh = answer.path("refresh_token").asText("");
        if (refresh.isEmpty()) {
            throw new AuthorizationFailedException("X gave no refresh token: ask for the"
                    + " offline.access scope");
        }
        return new Tokens(answer.path("access_token").asText(""), refresh);
    }

    /**
     * The screen name of the account an access token acts for, from {@code /2/users/me}.
     *
     * @throws AuthorizationFailedException when X refuses the token
     */
    String username(String accessToken) throws AuthorizationFailedException, IOException {
        URI me = tokenUrl.resolve("/2/users/me");
        return call(HttpRequest.newBuilder(me).header("Authorization", "Bearer " + accessToken)
                .GET(), "GET " + me).path("data").path("username").asText("");
    }

    private JsonNode call(HttpRequest.Builder request, String what)
            throws AuthorizationFailedException, IOException {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted during " + what);
        }
        if (response.statusCode() != 200) {
            throw new AuthorizationFailedException(what + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
