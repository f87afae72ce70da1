package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Server;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Raw HTTP calls to a fake's X API v2 side: Bearer calls and OAuth 2.0 form posts. */
final class V2Calls {

    /** Every scope a bot asks for. */
    static final Set<String> BOT_SCOPES = Set.of("dm.read", "dm.write", "tweet.read",
            "users.read", "offline.access");

    private final FakeTwitterApi api;
    private final SignedCalls signed;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    V2Calls(FakeTwitterApi api) {
        this.api = api;
        this.signed = new SignedCalls(api);
    }

    /** A fresh access token for the account with the scopes, as if it had authorized. */
    String token(TwitterAccount account, Set<String> scopes) {
        return api.v2().oauth2().grants().issue(account.id(), scopes).accessToken();
    }

    /** A fresh access token with every scope a bot asks for. */
    String token(TwitterAccount account) {
        return token(account, BOT_SCOPES);
    }

    HttpResponse<String> get(String token, String pathAndQuery) throws Exception {
        return bearer("GET", token, pathAndQuery, null);
    }

    HttpResponse<String> post(String token, String path, String json) throws Exception {
        return bearer("POST", token, path, json);
    }

    HttpResponse<String> delete(String token, String path) throws Exception {
        return bearer("DELETE", token, path, null);
    }

    /** A one-to-one send of {@code text} to the account. */
    HttpResponse<String> send(String token, TwitterAccount to, String text) throws Exception {
        return post(token, "dm_conversations/with/" + to.id() + "/messages",
                "{\"text\":\"" + text + "\"}");
    }

    /** A form post to an OAuth 2.0 endpoint under HTTP Basic credentials. */
    HttpResponse<String> form(URI url, String id, String secret, Map<String, String> params)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString(
                (id + ":" + secret).getBytes(StandardCharsets.UTF_8));
        String body = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + FormEncoding.percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(url).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token call as the app's OAuth 2.0 client. */
    HttpResponse<String> tokenCall(Map<String, String> params) throws Exception {
        OAuth2Server oauth2 = api.v2().oauth2();
        return form(api.v2().tokenUrl(), oauth2.clientId(), oauth2.clientSecret(), params);
    }

    /** A GET of a full URL, redirects not followed. */
    HttpResponse<String> fetch(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> bearer(String method, String token, String pathAndQuery,
            String json) throws Exception {
        return signed.send(HttpRequest.newBuilder(api.v2().baseUrl().resolve(pathAndQuery))
                .header("Authorization", "Bearer " + token), method, json);
    }
}
