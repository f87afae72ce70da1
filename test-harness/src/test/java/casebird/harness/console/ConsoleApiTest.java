package casebird.harness.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's JSON API over real HTTP: who may read and act, and what an action does. */
class ConsoleApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private World world;
    private ConsoleServer console;
    private String token;

    @BeforeEach
    void start() throws IOException {
        world = World.create(SimulatedHost.findPluginZip());
        world.nameBot("helpdesk");
        console = ConsoleServer.start(world, new SecureRandom(), Clock.systemUTC());
        token = console.url().getFragment().substring("token=".length());
    }

    @AfterEach
    void stop() {
        console.close();
        world.close();
    }

    @Test
    void theStateNeedsTheRunsToken() throws Exception {
        assertEquals(401, get("api/state", null).statusCode());
        assertEquals(403, get("api/state", "Bearer " + "x".repeat(token.length())).statusCode());

        HttpResponse<String> state = get("api/state", "Bearer " + token);

        assertEquals(200, state.statusCode());
        assertTrue(state.body().contains("\"bot\":\"helpdesk\""), state.body());
    }

    @Test
    void aRoomsMessagesShowInEachMembersColumnNamingTheRoomAndTheSender() throws Exception {
        long alice = world.twitter().createAccount("alice_t").id();
        long bob = world.twitter().createAccount("bob_t").id();
        String botToken = world.twitter().v2().oauth2().grants().issue(world.bot().id(),
                Set.of("dm.read", "dm.write", "tweet.read", "users.read")).accessToken();
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(world.twitter().v2()
                .baseUrl().resolve("dm_conversations"))
                .header("Authorization", "Bearer " + botToken)
                .POST(HttpRequest.BodyPublishers.ofString("{\"conversation_type\":\"Group\","
                        + "\"participant_ids\":[\"" + alice + "\",\"" + bob + "\"],"
                        + "\"message\":{\"text\":\"New case 1234\"}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        String room = world.twitter().v2().groups().get(0).id();
        world.twitter().v2().postToGroup(alice, room, "accept 1234");

        String state = get("api/state", "Bearer " + token).body();

        String fromBot = "\"fromBot\":true,\"sender\":\"helpdesk\",\"room\":\"room " + room
                + "\",\"text\":\"New case 1234\"";
        String fromAlice = "\"fromBot\":false,\"sender\":\"alice_t\",\"room\":\"room "
                + room + "\",\"text\":\"accept 1234\"";
        assertEquals(2, state.split(Pattern.quote(fromBot), -1).length - 1,
                state);
        assertEquals(2, state.split(Pattern.quote(fromAlice), -1).length - 1,
                state);
    }

    @Test
    void theRunsTokensDiffer() throws IOException {
        try (ConsoleServer other =
                ConsoleServer.start(world, new SecureRandom(), Clock.systemUTC())) {
            assertFalse(other.url().getFragment().equals(console.url().getFragment()));
            assertTrue(token.length() >= 43, token);
        }
    }

    @Test
    void aStatementWithTheTokenRunsThroughTheScenarioLanguage() throws Exception {
        HttpResponse<String> response = post("queue Escalations", "Bearer " + token, null);

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(world.crm().queues().contains("Escalations"), world.crm().queues()::toString);
        assertTrue(get("api/state", "Bearer " + token).body()
                .contains("\"statement\":\"queue Escalations\",\"outcome\":\"done\""));
    }

    @Test
    void aStatementFromAnotherPageIsRefusedAndDoesNothing() throws Exception {
        HttpResponse<String> response = post("queue Escalations", "Bearer " + token,
                "http://attacker.example");

        assertEquals(403, response.statusCode());
        assertFalse(world.crm().queues().contains("Escalations"));
    }

    @Test
    void aRequestForAnotherHostNameIsRefusedAgainstDnsRebinding() throws IOException {
        String status = rawGet("/", "rebound.example:" + console.baseUrl().getPort());

        assertTrue(status.startsWith("HTTP/1.1 403"), status);
        assertTrue(rawGet("/", "localhost:" + console.baseUrl().getPort())
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void aStatementThatDoesNotParseSaysWhereAndDoesNothing() throws Exception {
        HttpResponse<String> response = post("queue", "Bearer " + token, null);

        assertEquals(400, response.statusCode());
        assertTrue(response.body().contains("statement:1:"), response.body());
    }

    @Test
    void aStatementThatFailsSaysWhy() throws Exception {
        HttpResponse<String> response = post("limit dm-nope 1/1s", "Bearer " + token, null);

        assertEquals(422, response.statusCode());
        assertTrue(response.body().contains("unknown endpoint 'dm-nope'"), response.body());
    }

    @Test
    void thePageItselfNeedsNoTokenAndCarriesNone() throws Exception {
        HttpResponse<String> page = get("", null);

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<title>casebird console</title>"));
        assertFalse(page.body().contains(token));
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(console.baseUrl().resolve(path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String statement, String authorization, String origin)
            throws Exception {
        URI url = console.baseUrl().resolve("api/statements");
        String body = "{\"statement\":\"" + statement.replace("\"", "\\\"") + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a GET sent with the given Host header, which HttpClient won't set. */
    private String rawGet(String path, String host) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(),
                console.baseUrl().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return response.substring(0, response.indexOf("\r\n"));
        }
    }
}
