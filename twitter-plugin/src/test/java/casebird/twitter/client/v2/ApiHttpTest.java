package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.TwitterApiException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ApiHttpTest {

    @Test
    void closeAbortsTheCallInFlight() throws Exception {
        ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(30));
        try (ScriptedServer x = ScriptedServer.start()) {
            x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json")
                    .after(Duration.ofSeconds(2)));
            CompletableFuture<RuntimeException> call = CompletableFuture.supplyAsync(() ->
                    failure(http, x.url().resolve("2/users/me")));
            while (x.requests().isEmpty()) {
                Thread.sleep(10);
            }

            http.close();

            RuntimeException e = call.get(1, TimeUnit.SECONDS);
            assertEquals(-1, ((TwitterApiException) e).status(), e.toString());
        }
    }

    @Test
    void postThatGetsNoAnswerIsNeverSentTwice() throws Exception {
        try (ScriptedServer x = ScriptedServer.start();
                ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            x.enqueue(ScriptedServer.Reply.hangUp());
            x.enqueue(ScriptedServer.Reply.sample(201, "dm_send-response.json"));

            TwitterApiException e = assertThrows(TwitterApiException.class, () -> http.exchange(
                    "POST", x.url().resolve("2/dm_conversations/with/1000001/messages"),
                    Map.of(), "{\"text\":\"hi\"}".getBytes(StandardCharsets.UTF_8)));

            assertEquals(-1, e.status());
            assertEquals(1, x.requests().size(), "the JDK sent the DM again");
        }
    }

    @Test
    void unreachableServerIsNoAnswer() throws Exception {
        URI closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/2/users/me");
        }
        try (ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            RuntimeException e = failure(http, closedPort);

            assertEquals(-1, ((TwitterApiException) e).status());
            assertTrue(e.getMessage().startsWith("GET /2/users/me got no answer"),
                    e.getMessage());
        }
    }

    private static RuntimeException failure(ApiHttp http, URI uri) {
        try {
            HttpAnswer answer = http.exchange("GET", uri, Map.of(), new byte[0]);
            return new IllegalStateException("answered " + answer.status());
        } catch (RuntimeException e) {
            return e;
        }
    }
}
