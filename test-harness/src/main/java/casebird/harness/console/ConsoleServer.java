package casebird.harness.console;

import casebird.harness.http.LoopbackHttpServer;
import casebird.harness.scenario.StatementRunner;
import casebird.harness.scenario.World;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * The harness's web console on 127.0.0.1: a page that shows a live world (conversations,
 * case board, plugin health and audit) and acts on it through scenario statements, and
 * the small JSON API the page uses (README, "The web console").
 */
public final class ConsoleServer implements AutoCloseable {

    private static final int THREADS = 4;
    private static final int MAX_BODY = 64 * 1024;
    private static final String RESOURCES = "/casebird/harness/console/";
    private static final Map<String, String> PAGES = Map.of(
            "/", "index.html", "/console.css", "console.css", "/console.js", "console.js");
    private static final String SECURITY_POLICY = "default-src 'self'; frame-ancestors 'none';"
            + " base-uri 'none'; form-action 'none'";

    /** The body of {@code POST /api/statements}. */
    record StatementRequest(String statement) {}

    private final ObjectMapper json = new ObjectMapper();
    private final LoopbackHttpServer http;
    private final AuditTap audit;
    private final ConsoleActions actions;
    private final StateReader state;
    private final RequestGuard guard;
    private final String token;

    private ConsoleServer(World world, SecureRandom random, Clock clock) throws IOException {
        this.http = LoopbackHttpServer.bind("console-http", THREADS, this::handle);
        this.token = RequestGuard.newToken(random);
        this.guard = new RequestGuard(token, http.port());
        this.audit = AuditTap.install();
        this.actions = new ConsoleActions(new StatementRunner(world), clock);
        this.state = new StateReader(world, audit, actions);
    }

    /** Starts a console for the world on a free port of 127.0.0.1 with a fresh token. */
    public static ConsoleServer start(World world, SecureRandom random, Clock clock)
            throws IOException {
        ConsoleServer console = new ConsoleServer(world, random, clock);
        console.http.start();
        return console;
    }

    /** The page's address, with the run's token in its fragment (never sent in requests). */
    public URI url() {
        return URI.create(baseUrl() + "#token=" + token);
    }

    /** The console's address without the token, e.g. for API paths. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + http.port() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            Headers headers = exchange.getRequestHeaders();
            String path = exchange.getRequestURI().getPath();
            Optional<RequestGuard.Refusal> refusal = guard.check(path, headers.getFirst("Host"),
                    headers.getFirst("Origin"), headers.getFirst("Authorization"));
            if (refusal.isPresent()) {
                send(exchange, refusal.get().status(), "text/plain; charset=utf-8",
                        refusal.get().reason());
            } else {
                route(exchange, exchange.getRequestMethod(), path, body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            send(exchange, 500, "text/plain; charset=utf-8", "the console failed: " + e);
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String method, String path, InputStream body)
            throws IOException, InterruptedException {
        if (method.equals("GET") && PAGES.containsKey(path)) {
            sendResource(exchange, PAGES.get(path));
        } else if (method.equals("GET") && path.equals(RequestGuard.API + "state")) {
            sendJson(exchange, 200, state.read());
        } else if (method.equals("POST") && path.equals(RequestGuard.API + "statements")) {
            runStatement(exchange, body);
        } else if (PAGES.containsKey(path) || path.startsWith(RequestGuard.API)) {
            send(exchange, 405, "text/plain; charset=utf-8", method + " is not allowed here");
        } else {
            send(exchange, 404, "text/plain; charset=utf-8", "no such page: " + path);
        }
    }

    private void runStatement(HttpExchange exchange, InputStream body)
            throws IOException, InterruptedException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            send(exchange, 415, "text/plain; charset=utf-8", "send application/json");
            return;
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        StatementRequest request = bytes.length > MAX_BODY ? null : parse(bytes);
        if (request == null || request.statement() == null) {
            send(exchange, 400, "text/plain; charset=utf-8",
                    "send {\"statement\": \"...\"}, at most 64 KiB");
            return;
        }
        ConsoleState.Action action = actions.run(request.statement());
        int status = switch (action.outcome()) {
            case "done" -> 200;
            case "failed" -> 422;
            default -> 400;
        };
        sendJson(exchange, status, action);
    }

    private StatementRequest parse(byte[] bytes) {
        try {
            return json.readValue(bytes, StatementRequest.class);
        } catch (IOException e) {
            return null;
        }
    }

    private void sendResource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = ConsoleServer.class.getResourceAsStream(RESOURCES + name)) {
            String type = name.endsWith(".html") ? "text/html" : name.endsWith(".css")
                    ? "text/css" : "text/javascript";
            send(exchange, 200, type + "; charset=utf-8",
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private void sendJson(HttpExchange exchange, int status, Object value) throws IOException {
        try {
            send(exchange, status, "application/json", json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IOException("the console could not write its JSON", e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String text)
            throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", type);
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Content-Security-Policy", SECURITY_POLICY);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops answering, waits for the server's threads and puts standard error back. */
    @Override
    public void close() {
        try {
            http.close();
        } finally {
            audit.close();
        }
    }
}
