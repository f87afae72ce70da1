package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** Calls to the fake's X Activity API and v2 webhooks with the app-only Bearer token. */
final class XaaCalls {

    private final FakeTwitterApi api;
    private final V2Calls v2;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();

    XaaCalls(FakeTwitterApi api) {
        this.api = api;
        this.v2 = new V2Calls(api);
    }

    /** A fresh app-only Bearer token from the consumer key and secret. */
    String appToken() throws Exception {
        HttpResponse<String> answer = v2.form(api.v2().baseUrl().resolve("/oauth2/token"),
                api.consumerKey(), api.consumerSecret(),
                Map.of("grant_type", "client_credentials"));
        assertEquals(200, answer.statusCode(), answer.body());
        return SignedCalls.json(answer).path("access_token").asText();
    }

    HttpResponse<String> call(String method, String token, String path, String json)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.v2().baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(15));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, json == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Subscribes to the user's DMs on the stream (no webhook id) or to that webhook. */
    HttpResponse<String> subscribe(String token, TwitterAccount user, String webhookId)
            throws Exception {
        return call("POST", token, "activity/subscriptions", "{\"event_type\":\"dm.received\","
                + "\"filter\":{\"user_id\":\"" + user.id() + "\"},\"tag\":\"casebird-inbox\""
                + (webhookId == null ? "" : ",\"webhook_id\":\"" + webhookId + "\"") + "}");
    }

    /** The JSON of an answer that must have that status. */
    static JsonNode json(HttpResponse<String> answer, int status) throws IOException {
        assertEquals(status, answer.statusCode(), answer.body());
        return SignedCalls.json(answer);
    }

    /** Opens {@code GET /2/activity/stream}; reads give up after {@code readTimeout}. */
    Stream stream(String token, Duration readTimeout) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) api.v2().baseUrl()
                .resolve("activity/stream").toURL().openConnection();
        connection.setRequestProperty("Authorization", "Bearer " + token);
        connection.setConnectTimeout(5_000);
        connection.setReadTimeout((int) readTimeout.toMillis());
        return new Stream(connection);
    }

    /** One stream connection, read line by line as the bytes come. */
    static final class Stream implements AutoCloseable {
        /** How many keep-alives in a row {@link #event()} reads before it gives up. */
        static final int KEEP_ALIVES_AT_MOST = 100;

        private final HttpURLConnection connection;
        private InputStream in;

        private Stream(HttpURLConnection connection) {
            this.connection = connection;
        }

        int status() throws IOException {
            return connection.getResponseCode();
        }

        /** The error body of a refused connection. */
        String error() throws IOException {
            try (InputStream err = connection.getErrorStream()) {
                return new String(err.readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        /**
         * The next line without its {@code \r\n} ("" for a keep-alive), or null at the end
         * of the stream.
         *
         * @throws IOException when a line ends in a bare {@code \n}, or the read times out
         */
        String line() throws IOException {
            if (in == null) {
                assertEquals(200, status());
                in = connection.getInputStream();
            }
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    byte[] bytes = line.toByteArray();
                    if (bytes.length == 0 || bytes[bytes.length - 1] != '\r') {
                        throw new IOException("a line not ended by \\r\\n: " + line);
                    }
                    return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
                }
                line.write(b);
            }
            return null;
        }

        /**
         * The next line that is not a keep-alive, or null at the end of the stream.
         *
         * @throws IOException after {@link #KEEP_ALIVES_AT_MOST} keep-alives in a row
         */
        String event() throws IOException {
            for (int i = 0; i < KEEP_ALIVES_AT_MOST; i++) {
                String line = line();
                if (line == null || !line.isEmpty()) {
                    return line;
                }
            }
            throw new IOException("no event and no end in " + KEEP_ALIVES_AT_MOST
                    + " keep-alives");
        }

        @Override
        public void close() {
            connection.disconnect();
        }
    }
}
