package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/** A small signed HTTP client for the fake API, used by the harness to act as any account. */
public final class FakeTwitterClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI baseUrl;
    private final String consumerKey;
    private final String consumerSecret;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** A client of that fake API's app. */
    public FakeTwitterClient(FakeTwitterApi api) {
        this(api.baseUrl(), api.consumerKey(), api.consumerSecret(), api.clock());
    }

    /** A client of the app with these credentials at {@code baseUrl} (ending in '/'). */
    public FakeTwitterClient(URI baseUrl, String consumerKey, String consumerSecret,
            Clock clock) {
        this.baseUrl = baseUrl;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.clock = clock;
    }

    /**
     * Sends a DM as {@code from} through a signed POST to events/new.json.
     *
     * @throws TwitterHttpException if the API answers anything but 200
     * @throws IOException if the call fails or the answer is not an event
     */
    public DirectMessage sendDirectMessage(TwitterAccount from, long recipientId, String text)
            throws IOException {
        URI url = baseUrl.resolve(Endpoint.DM_SEND.path());
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        ObjectNode create = body.putObject("event").put("type", "message_create")
                .putObject("message_create");
        create.putObject("target").put("recipient_id", Long.toString(recipientId));
        create.putObject("message_data").put("text", text);
        HttpRequest request = HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Authorization", authorization("POST", url, from))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new TwitterHttpException("POST " + url, response.statusCode(),
                    response.body());
        }
        JsonNode event = TwitterJson.MAPPER.readTree(response.body()).path("event");
        if (!event.isObject()) {
            throw new IOException("POST " + url + " answered no event: " + response.body());
        }
        return TwitterJson.parseEvent(event);
    }

    private String authorization(String method, URI url, TwitterAccount account) {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        return OAuth1Signer.authorizationHeader(method, url, Map.of(), consumerKey,
                consumerSecret, account.accessToken(), account.accessTokenSecret(),
                HexFormat.of().formatHex(nonce), clock.instant().getEpochSecond());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while calling " + request.uri());
        }
    }
}
