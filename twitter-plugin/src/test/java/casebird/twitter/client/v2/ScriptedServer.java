package casebird.twitter.client.v2;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An HTTP server on 127.0.0.1 in the style of MockWebServer: answers each request with the
 * next scripted {@link Reply} (a 500 saying so when none is left) and records it.
 */
final class ScriptedServer implements AutoCloseable {

    /** A request as the server received it; query and form values decoded. */
    record Recorded(String method, String path, Map<String, String> query,
            Map<String, String> headers, String body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        Map<String, String> form() {
            return decode(body);
        }
    }

    /** A scripted answer, sent after {@code delay}; status 0 closes the connection instead. */
    record Reply(int status, String body, Map<String, String> headers, Duration delay) {

        static Reply json(int status, String body) {
            return new Reply(status, body, Map.of("Content-Type", "application/json"),
                    Duration.ZERO);
        }

        static Reply sample(int status, String name) {
            return json(status, Samples.v2(name));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Reply(status, body, more, delay);
        }

        static Reply hangUp() {
            return new Reply(0, "", Map.of(), Duration.ZERO);
        }

        Reply after(Duration wait) {
            return new Reply(status, body, headers, wait);
        }
    }

    private final HttpServer server;
    private final Queue<Reply> script = new ArrayDeque<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();

    private ScriptedServer(HttpServer server) {
        this.server = server;
    }

    static ScriptedServer start() {
        try {
            HttpServer http = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ScriptedServer scripted = new ScriptedServer(http);
            http.createContext("/", scripted::handle);
            http.start();
            return scripted;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's root, e.g. {@code http://127.0.0.1:54321/}. */
    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    synchronized ScriptedServer enqueue(Reply reply) {
        script.add(reply);
        return this;
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    Recorded request(int index) {
        return requests.get(index);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
            URI uri = exchange.getRequestURI();
            requests.add(new Recorded(exchange.getRequestMethod(), uri.getPath(),
                    decode(uri.getRawQuery()), headers, body));
            Reply reply = next();
            Thread.sleep(reply.delay().toMillis());
            if (reply.status() == 0) {
                throw new IOException("scripted hang-up");
            }
            reply.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGoneOrHungUp) {
            // Nothing (more) to answer: closing the exchange closes the connection.
        }
    }

    private synchronized Reply next() {
        Reply reply = script.poll();
        return reply != null ? reply : Reply.json(500, "{\"title\":\"no scripted answer\"}");
    }

    private static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return values;
    }
}
