package casebird.twitter.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small X Activity API on 127.0.0.1 speaking the plugin's contract: the app-only token
 * for one consumer pair, {@code dm.received} subscriptions (refused with 403 for a user who
 * has not authorized the app), webhooks with a {@code valid} flag, and the persistent
 * stream with keep-alives, on which {@link #publish} writes events and {@link #drop} and
 * {@link #stall} misbehave as X's network may.
 */
public final class FakeActivityServer implements AutoCloseable {

    /** A subscription as the fake holds it. */
    public record Sub(String id, String userId, Optional<String> webhookId) {}

    /** A webhook as the fake holds it. */
    public record Hook(String id, String url, boolean valid) {}

    private static final String TOKEN = "app-token-1";
    private static final Pattern USER = Pattern.compile("\"user_id\":\"(\\d+)\"");
    private static final Pattern WEBHOOK = Pattern.compile("\"webhook_id\":\"([^\"]+)\"");
    private static final Pattern URL = Pattern.compile("\"url\":\"([^\"]+)\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final String basic;
    private final Duration keepAlive;
    private final Map<String, Sub> subs = new ConcurrentHashMap<>();
    private final Map<String, Hook> hooks = new ConcurrentHashMap<>();
    private final List<String> authorizedUsers = new CopyOnWriteArrayList<>();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<BlockingQueue<String>> streams = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger(100);
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean stalled;
    private volatile boolean refusing;
    private volatile boolean full;
    private volatile boolean revalidationPasses = true;

    /** A fake for the consumer pair whose Basic header is {@code basic}. */
    public FakeActivityServer(String basicHeader, Duration keepAlive) {
        this.basic = basicHeader;
        this.keepAlive = keepAlive;
        try {
            server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /** The API root, e.g. {@code http://127.0.0.1:54321/}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Lets that user's events be subscribed to (the user authorized the app). */
    public FakeActivityServer authorize(long userId) {
        authorizedUsers.add(Long.toString(userId));
        return this;
    }

    /** Every call made, as {@code METHOD /path}. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    /** The subscriptions now. */
    public List<Sub> subscriptions() {
        return List.copyOf(subs.values());
    }

    /** Adds a subscription as if someone else made it; returns its id. */
    public String subscribeByHand(long userId, Optional<String> webhookId) {
        String id = Integer.toString(ids.incrementAndGet());
        subs.put(id, new Sub(id, Long.toString(userId), webhookId));
        return id;
    }

    /** Deletes a subscription behind the plugin's back. */
    public void deleteSubscription(String id) {
        subs.remove(id);
    }

    /** The webhooks now. */
    public List<Hook> webhooks() {
        return List.copyOf(hooks.values());
    }

    /** Marks every webhook not valid (a failed CRC), and whether re-validating passes. */
    public void invalidateWebhooks(boolean revalidationPasses) {
        hooks.replaceAll((id, h) -> new Hook(id, h.url(), false));
        this.revalidationPasses = revalidationPasses;
    }

    /** How many stream connections were opened so far. */
    public int connections() {
        return connections.get();
    }

    /** Writes one event line on every open stream. */
    public void publish(String json) {
        streams.forEach(s -> s.add(json));
    }

    /** Closes every open stream. */
    public void drop() {
        streams.forEach(s -> s.add("\u0000drop"));
    }

    /** New stream connections are refused (503) while {@code on}. */
    public void refuseStreams(boolean on) {
        refusing = on;
    }

    /**
     * New stream connections are refused as X refuses a third one of the app (429
     * {@code TooManyConnections}, no rate-limit headers) while {@code on}.
     */
    public void refuseStreamsAsTooMany(boolean on) {
        full = on;
    }

    /** Streams send nothing, keep-alives included, while {@code on}. */
    public void stall(boolean on) {
        stalled = on;
    }

    @Override
    public void close() {
        drop();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            calls.add(method + " " + path);
            String auth = Optional.ofNullable(exchange.getRequestHeaders()
                    .getFirst("Authorization")).orElse("");
            if (path.equals("/oauth2/token")) {
                if (!auth.equals(basic) || !body.equals("grant_type=client_credentials")) {
                    answer(exchange, 403, problem("Forbidden", "wrong consumer pair"));
                } else {
                    answer(exchange, 200, "{\"token_type\":\"bearer\",\"access_token\":\""
                            + TOKEN + "\"}");
                }
            } else if (!auth.equals("Bearer " + TOKEN)) {
                answer(exchange, 401, problem("Unauthorized", "app-only Bearer required"));
            } else if (path.equals("/2/activity/stream") && full) {
                answer(exchange, 429, problem("TooManyConnections", "This app already has 2"
                        + " connections open to the stream."));
            } else if (path.equals("/2/activity/stream") && refusing) {
                answer(exchange, 503, problem("Service Unavailable", "try again later"));
            } else if (path.equals("/2/activity/stream")) {
                stream(exchange);
            } else if (path.startsWith("/2/activity/subscriptions")) {
                subscriptions(exchange, method, path, body);
            } else if (path.startsWith("/2/webhooks")) {
                webhooks(exchange, method, path, body);
            } else {
                answer(exchange, 404, problem("Not Found", path));
            }
        }
    }

    private void subscriptions(HttpExchange exchange, String method, String path, String body)
            throws IOException {
        if (method.equals("POST")) {
            Matcher user = USER.matcher(body);
            String userId = user.find() ? user.group(1) : "";
            Matcher hook = WEBHOOK.matcher(body);
            Optional<String> webhookId = hook.find() ? Optional.of(hook.group(1))
                    : Optional.empty();
            if (!authorizedUsers.contains(userId)) {
                answer(exchange, 403, "{\"title\":\"Forbidden\",\"type\":\"https://api.x.com/2/"
                        + "problems/not-authorized-for-resource\",\"detail\":\"user " + userId
                        + " has not authorized this app\",\"resource_type\":\"user\","
                        + "\"resource_id\":\"" + userId + "\"}");
                return;
            }
            if (subs.values().stream().anyMatch(s -> s.userId().equals(userId)
                    && s.webhookId().equals(webhookId))) {
                answer(exchange, 409, problem("Conflict", "subscription already exists"));
                return;
            }
            String id = subscribeByHand(Long.parseLong(userId), webhookId);
            answer(exchange, 200, "{\"data\":{\"subscription\":" + json(subs.get(id)) + "}}");
        } else if (method.equals("DELETE")) {
            String id = path.substring(path.lastIndexOf('/') + 1);
            answer(exchange, subs.remove(id) == null ? 404 : 200,
                    "{\"data\":{\"deleted\":true}}");
        } else {
            List<String> all = new ArrayList<>();
            subs.values().forEach(s -> all.add(json(s)));
            answer(exchange, 200, list(all));
        }
    }

    private void webhooks(HttpExchange exchange, String method, String path, String body)
            throws IOException {
        String id = path.substring(path.lastIndexOf('/') + 1);
        switch (method) {
            case "POST" -> {
                Matcher url = URL.matcher(body);
                String at = url.find() ? url.group(1) : "";
                if (!at.startsWith("https://")) {
                    answer(exchange, 400, problem("Bad Request", "webhook URLs must use https"));
                    return;
                }
                if (!hooks.isEmpty()) {
                    answer(exchange, 400, problem("TooManyWebhooks", "one webhook per app"));
                    return;
                }
                String made = Integer.toString(ids.incrementAndGet());
                hooks.put(made, new Hook(made, at, true));
                answer(exchange, 200, "{\"data\":" + json(hooks.get(made)) + "}");
            }
            case "PUT" -> {
                Hook h = hooks.get(id);
                if (h == null) {
                    answer(exchange, 404, problem("Not Found", id));
                    return;
                }
                hooks.put(id, new Hook(id, h.url(), revalidationPasses));
                answer(exchange, 200, "{\"data\":{\"valid\":" + revalidationPasses + "}}");
            }
            case "DELETE" -> answer(exchange, hooks.remove(id) == null ? 404 : 200,
                    "{\"data\":{\"deleted\":true}}");
            default -> {
                List<String> all = new ArrayList<>();
                hooks.values().forEach(h -> all.add(json(h)));
                answer(exchange, 200, list(all));
            }
        }
    }

    private void stream(HttpExchange exchange) throws IOException {
        connections.incrementAndGet();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        streams.add(lines);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.flush();
            while (true) {
                String line = lines.poll(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith("\u0000drop")) {
                    return;
                }
                if (stalled) {
                    continue;
                }
                out.write(((line == null ? "" : line) + "\r\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException clientGone) {
            // The reader closed its connection.
        } finally {
            streams.remove(lines);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String problem(String title, String detail) {
        return "{\"title\":\"" + title + "\",\"detail\":\"" + detail + "\",\"type\":"
                + "\"https://api.x.com/2/problems/invalid-request\"}";
    }

    private static String list(List<String> items) {
        return items.isEmpty() ? "{\"meta\":{\"result_count\":0}}" : "{\"data\":["
                + String.join(",", items) + "],\"meta\":{\"result_count\":" + items.size() + "}}";
    }

    private static String json(Sub s) {
        return "{\"subscription_id\":\"" + s.id() + "\",\"event_type\":\"dm.received\","
                + "\"filter\":{\"user_id\":\"" + s.userId() + "\"},\"tag\":\"casebird-inbox\""
                + s.webhookId().map(w -> ",\"webhook_id\":\"" + w + "\"").orElse("")
                + ",\"created_at\":\"2026-11-30T12:00:00.000Z\"}";
    }

    private static String json(Hook h) {
        return "{\"id\":\"" + h.id() + "\",\"url\":\"" + h.url() + "\",\"valid\":" + h.valid()
                + ",\"created_at\":\"2026-11-30T12:00:00.000Z\"}";
    }
}
