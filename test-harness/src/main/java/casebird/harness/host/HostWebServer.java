package casebird.harness.host;

import casebird.api.web.WebHandler;
import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.harness.http.LoopbackHttpServer;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's own HTTP server on 127.0.0.1, serving each plugin's routes under
 * {@code /plugins/<plugin id>/}; it starts with the first route and stops on close.
 */
final class HostWebServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HostWebServer.class);
    private static final int THREADS = 4;

    private final Map<String, WebHandler> routes = new ConcurrentHashMap<>();
    private LoopbackHttpServer http;

    /** The routes of one plugin, under its own prefix. */
    WebRoutes routesFor(String pluginId) {
        return (path, handler) -> serve("/plugins/" + pluginId + "/" + path, handler);
    }

    private WebRoute serve(String path, WebHandler handler) {
        if (!path.matches("/plugins/[A-Za-z0-9_.-]+/[A-Za-z0-9_/-]+")) {
            throw new IllegalArgumentException("not a route path: " + path);
        }
        if (routes.putIfAbsent(path, handler) != null) {
            throw new IllegalStateException("the route " + path + " is already served");
        }
        URI url = URI.create("http://127.0.0.1:" + start() + path);
        return new WebRoute() {
            @Override
            public URI url() {
                return url;
            }

            @Override
            public void close() {
                routes.remove(path, handler);
            }
        };
    }

    private synchronized int start() {
        if (http == null) {
            try {
                http = LoopbackHttpServer.bind("host-web", THREADS, this::handle);
            } catch (IOException e) {
                throw new UncheckedIOException("the host's HTTP server could not start", e);
            }
            http.start();
        }
        return http.port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            WebHandler handler = routes.get(exchange.getRequestURI().getPath());
            WebResponse response = handler == null
                    ? WebResponse.text(404, "no such route") : answer(handler, exchange, body);
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } finally {
            exchange.close();
        }
    }

    private static WebResponse answer(WebHandler handler, HttpExchange exchange,
            InputStream body) {
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0)));
        try {
            return handler.handle(new WebRequest(exchange.getRequestMethod(),
                    query(exchange.getRequestURI().getRawQuery()), headers, body));
        } catch (RuntimeException e) {
            LOG.error("a plugin's route failed", e);
            return WebResponse.text(500, "the plugin failed to answer");
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> params = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq),
                        StandardCharsets.UTF_8);
                params.putIfAbsent(name, eq < 0 ? ""
                        : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    /** Stops the server and waits for its threads. */
    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
    }
}
