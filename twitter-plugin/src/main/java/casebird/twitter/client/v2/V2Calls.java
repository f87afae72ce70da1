package casebird.twitter.client.v2;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.RateLimitListener;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One authorized X API call: builds the URI under the API root, adds the
 * {@code Authorization} header, reports the rate-limit headers, and tries a 401 once more
 * when the authorizer renews its header.
 */
final class V2Calls {

    private final URI apiBase;
    private final ApiHttp http;
    private final RequestAuthorizer authorizer;
    private final RateLimitListener rateLimits;

    V2Calls(URI apiBase, ApiHttp http, RequestAuthorizer authorizer,
            RateLimitListener rateLimits) {
        String base = apiBase.toString();
        this.apiBase = URI.create(base.endsWith("/") ? base : base + "/");
        this.http = http;
        this.authorizer = authorizer;
        this.rateLimits = rateLimits;
    }

    HttpAnswer get(Endpoint endpoint, String path, Map<String, String> query) {
        String encoded = query.entrySet().stream()
                .map(q -> encode(q.getKey()) + "=" + encode(q.getValue()))
                .collect(Collectors.joining("&"));
        return call(endpoint, "GET", path + (encoded.isEmpty() ? "" : "?" + encoded),
                new byte[0]);
    }

    HttpAnswer post(Endpoint endpoint, String path, byte[] json) {
        return call(endpoint, "POST", path, json);
    }

    HttpAnswer put(Endpoint endpoint, String path, byte[] json) {
        return call(endpoint, "PUT", path, json);
    }

    /**
     * Opens a streamed GET, each read waiting at most {@code silence}; a 401 is tried once
     * more when the authorizer renews its header.
     */
    ApiHttp.Streamed stream(Endpoint endpoint, String path, java.time.Duration silence) {
        URI uri = apiBase.resolve(path);
        String authorization = authorizer.authorization("GET", uri);
        ApiHttp.Streamed streamed = openStream(endpoint, uri, authorization, silence);
        if (streamed.head().status() == 401 && authorizer.renew(authorization)) {
            streamed = openStream(endpoint, uri, authorizer.authorization("GET", uri), silence);
        }
        return streamed;
    }

    private ApiHttp.Streamed openStream(Endpoint endpoint, URI uri, String authorization,
            java.time.Duration silence) {
        ApiHttp.Streamed streamed = http.stream(uri, Map.of("Authorization", authorization,
                "Accept", "application/json"), silence);
        report(endpoint, streamed.head());
        return streamed;
    }

    HttpAnswer delete(Endpoint endpoint, String path) {
        return call(endpoint, "DELETE", path, new byte[0]);
    }

    /**
     * The answer's JSON body when it is a success.
     *
     * @throws casebird.twitter.client.TwitterApiException the failure an error answer or
     *     an unreadable body means
     */
    JsonObject body(HttpAnswer answer, String call, OptionalLong recipient) {
        if (!answer.successful()) {
            throw V2Errors.failure(call, answer, recipient);
        }
        try {
            return JsonObject.parse(answer.body());
        } catch (IOException e) {
            throw V2Errors.unreadable(call, e);
        }
    }

    private HttpAnswer call(Endpoint endpoint, String method, String pathAndQuery,
            byte[] json) {
        URI uri = apiBase.resolve(pathAndQuery);
        String authorization = authorizer.authorization(method, uri);
        HttpAnswer answer = exchange(endpoint, method, uri, authorization, json);
        if (answer.status() == 401 && authorizer.renew(authorization)) {
            answer = exchange(endpoint, method, uri, authorizer.authorization(method, uri),
                    json);
            if (answer.status() == 401) {
                throw new AuthorizationLostException(
                        method + " " + uri.getPath() + " was refused (401) after a refresh");
            }
        }
        return answer;
    }

    private HttpAnswer exchange(Endpoint endpoint, String method, URI uri,
            String authorization, byte[] json) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", authorization);
        headers.put("Accept", "application/json");
        if (json.length > 0) {
            headers.put("Content-Type", "application/json; charset=utf-8");
        }
        HttpAnswer answer = http.exchange(method, uri, headers, json);
        report(endpoint, answer);
        return answer;
    }

    private void report(Endpoint endpoint, HttpAnswer answer) {
        OptionalLong limit = answer.number("x-rate-limit-limit");
        OptionalLong left = answer.number("x-rate-limit-remaining");
        OptionalLong reset = answer.number("x-rate-limit-reset");
        if (limit.isPresent() && left.isPresent() && reset.isPresent()) {
            rateLimits.learn(endpoint, (int) limit.getAsLong(), (int) left.getAsLong(),
                    reset.getAsLong());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
