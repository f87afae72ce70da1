package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Raw HTTP calls to a fake API, signed as an account (or deliberately not). */
final class SignedCalls {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeTwitterApi api;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    SignedCalls(FakeTwitterApi api) {
        this.api = api;
    }

    HttpResponse<String> get(TwitterAccount as, String pathAndQuery) throws Exception {
        return call("GET", as, api.consumerSecret(), pathAndQuery, null);
    }

    HttpResponse<String> post(TwitterAccount as, String path, String json) throws Exception {
        return call("POST", as, api.consumerSecret(), path, json);
    }

    HttpResponse<String> delete(TwitterAccount as, String pathAndQuery) throws Exception {
        return call("DELETE", as, api.consumerSecret(), pathAndQuery, null);
    }

    HttpResponse<String> call(String method, TwitterAccount as, String consumerSecret,
            String pathAndQuery, String json) throws Exception {
        URI url = api.baseUrl().resolve(pathAndQuery);
        String auth = OAuth1Signer.authorizationHeader(method, url, Map.of(), api.consumerKey(),
                consumerSecret, as.accessToken(), as.accessTokenSecret(), "nonce", 1L);
        return send(HttpRequest.newBuilder(url).header("Authorization", auth), method, json);
    }

    HttpResponse<String> unsigned(String pathAndQuery) throws Exception {
        return send(HttpRequest.newBuilder(api.baseUrl().resolve(pathAndQuery)), "GET", null);
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    static int errorCode(HttpResponse<String> response) throws IOException {
        return json(response).path("errors").path(0).path("code").asInt(-1);
    }

    /** Sends a request with a JSON body (or none) and reads the answer as text. */
    HttpResponse<String> send(HttpRequest.Builder builder, String method, String json)
            throws Exception {
        HttpRequest.BodyPublisher body = json == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        if (json != null) {
            builder.header("Content-Type", "application/json");
        }
        return http.send(builder.method(method, body).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
