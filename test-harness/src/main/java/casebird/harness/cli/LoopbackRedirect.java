package casebird.harness.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A one-shot HTTP listener on 127.0.0.1 at a registered redirect URI's port and path: the
 * first request to that path (the browser sent back by X) is answered and its query kept.
 */
final class LoopbackRedirect implements AutoCloseable {

    private static final String PAGE = "<!doctype html><title>casebird</title><p>casebird"
            + " received the authorization; the terminal says how it went. You can close"
            + " this tab.</p>";

    private final HttpServer server;
    private final CompletableFuture<Map<String, String>> query = new CompletableFuture<>();

    private LoopbackRedirect(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens at the redirect URI, which must be {@code http://127.0.0.1:PORT/path}.
     *
     * @throws IllegalArgumentException for any other URI
     * @throws IOException when the port cannot be bound (in use, say)
     */
    static LoopbackRedirect listen(URI redirect) throws IOException {
        if (!"http".equals(redirect.getScheme()) || !"127.0.0.1".equals(redirect.getHost())
                || redirect.getPort() < 1 || redirect.getRawPath() == null
                || redirect.getRawPath().isEmpty() || redirect.getRawQuery() != null) {
            throw new IllegalArgumentException("--redirect must look like"
                    + " http://127.0.0.1:8765/callback (the loopback address, a port and a"
                    + " path, no query), exactly as registered in the app: '" + redirect + "'");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(
                InetAddress.getLoopbackAddress(), redirect.getPort()), 0);
        LoopbackRedirect listener = new LoopbackRedirect(server);
        server.createContext(redirect.getRawPath(), listener::answer);
        server.start();
        return listener;
    }

    /**
     * The query of the first redirect, waiting at most {@code timeout}.
     *
     * @throws AuthorizationFailedException when none arrives in time
     */
    Map<String, String> await(Duration timeout)
            throws AuthorizationFailedException, InterruptedException {
        try {
            return query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AuthorizationFailedException("no redirect from X arrived within "
                    + timeout.toSeconds() + "s; run authorize again and approve in time");
        } catch (ExecutionException e) {
            throw new IllegalStateException("the redirect is never completed exceptionally", e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] body = PAGE.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
        query.complete(parse(exchange.getRequestURI().getRawQuery()));
    }

    private static Map<String, String> parse(String rawQuery) {
        return Arrays.stream(Optional.ofNullable(rawQuery).orElse("").split("&"))
                .filter(pair -> !pair.isEmpty()).map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> decode(pair[0]),
                        pair -> pair.length > 1 ? decode(pair[1]) : "", (a, b) -> a));
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    /** Stops listening and ends the listener's thread. */
    @Override
    public void close() {
        server.stop(0);
    }
}
