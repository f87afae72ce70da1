package casebird.twitter.client.v2;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.RateLimitListener;
import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The X Activity API and v2 webhook calls, under the app-only Bearer token: the
 * {@code dm.received} subscriptions, the webhooks and the persistent stream. Error answers
 * become {@link TwitterApiException}s as {@link V2Errors} says; every answer's rate-limit
 * headers go to the listener, as endpoint {@link Endpoint#WEBHOOKS} (webhooks and
 * subscriptions) or {@link Endpoint#ACTIVITY_STREAM}.
 */
public final class ActivityApi {

    /** The event the plugin subscribes to. */
    public static final String DM_RECEIVED = "dm.received";
    /** The tag of the plugin's subscriptions. */
    public static final String TAG = "casebird-inbox";
    private static final String SUBSCRIPTIONS = "2/activity/subscriptions";
    private static final String WEBHOOKS = "2/webhooks";

    /**
     * One subscription.
     *
     * @param id its subscription id
     * @param eventType e.g. {@code dm.received}
     * @param userId the user its filter names, or empty
     * @param webhookId the webhook it delivers to; empty for the stream
     */
    public record Subscription(String id, String eventType, String userId,
            Optional<String> webhookId) {}

    /**
     * One webhook of the app.
     *
     * @param id its id
     * @param url the URL X posts deliveries to
     * @param valid whether its latest CRC check passed
     */
    public record Webhook(String id, String url, boolean valid) {}

    private final V2Calls calls;

    /**
     * The calls under {@code apiBase} (e.g. {@code https://api.x.com/}), authorized by
     * {@code appBearer}.
     */
    public ActivityApi(URI apiBase, ApiHttp http, RequestAuthorizer appBearer,
            RateLimitListener rateLimits) {
        this.calls = new V2Calls(apiBase, http, appBearer, rateLimits);
    }

    /** The app's subscriptions. */
    public List<Subscription> subscriptions() {
        String call = "GET /2/activity/subscriptions";
        return body(calls.get(Endpoint.WEBHOOKS, SUBSCRIPTIONS, Map.of()), call)
                .objects("data").stream().map(s -> subscription(s, call)).toList();
    }

    /**
     * Subscribes to {@code dm.received} of {@code userId}, delivered to the webhook or, when
     * empty, on the stream.
     *
     * @throws TwitterApiException e.g. 403 when the user has not authorized the app
     */
    public Subscription subscribe(long userId, Optional<String> webhookId) {
        String call = "POST /2/activity/subscriptions";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event_type", DM_RECEIVED);
        body.put("filter", Map.of("user_id", Long.toString(userId)));
        body.put("tag", TAG);
        webhookId.ifPresent(id -> body.put("webhook_id", id));
        JsonObject data = data(calls.post(Endpoint.WEBHOOKS, SUBSCRIPTIONS, json(body)), call);
        return subscription(data.object("subscription").orElse(data), call);
    }

    /** Deletes a subscription. */
    public void unsubscribe(String id) {
        body(calls.delete(Endpoint.WEBHOOKS, SUBSCRIPTIONS + "/" + id),
                "DELETE /2/activity/subscriptions/:id");
    }

    /** The app's webhooks. */
    public List<Webhook> webhooks() {
        String call = "GET /2/webhooks";
        return body(calls.get(Endpoint.WEBHOOKS, WEBHOOKS, Map.of()), call).objects("data")
                .stream().map(w -> webhook(w, call)).toList();
    }

    /**
     * Registers a webhook; X checks its CRC first.
     *
     * @throws TwitterApiException e.g. 400 when the URL is refused or its CRC failed
     */
    public Webhook createWebhook(URI url) {
        String call = "POST /2/webhooks";
        return webhook(data(calls.post(Endpoint.WEBHOOKS, WEBHOOKS,
                json(Map.of("url", url.toString()))), call), call);
    }

    /** Asks X to check a webhook's CRC again; returns whether it is valid now. */
    public boolean revalidate(String id) {
        String call = "PUT /2/webhooks/:id";
        return data(calls.put(Endpoint.WEBHOOKS, WEBHOOKS + "/" + id, new byte[0]), call)
                .flag("valid").orElse(false);
    }

    /** Deletes a webhook. */
    public void deleteWebhook(String id) {
        body(calls.delete(Endpoint.WEBHOOKS, WEBHOOKS + "/" + id), "DELETE /2/webhooks/:id");
    }

    /**
     * Opens the persistent stream; each read waits at most {@code silence}.
     *
     * @throws TwitterApiException when X refuses it (e.g. 429 TooManyConnections) or no
     *     answer came
     */
    public StreamConnection openStream(Duration silence) {
        ApiHttp.Streamed streamed =
                calls.stream(Endpoint.ACTIVITY_STREAM, "2/activity/stream", silence);
        if (streamed.body() == null) {
            TwitterApiException refusal = V2Errors.failure("GET /2/activity/stream",
                    streamed.head(), OptionalLong.empty());
            boolean full = streamed.head().status() == 429 && V2Errors.problems(streamed.head())
                    .stream().anyMatch(p -> p.text("title")
                            .filter(StreamConnectionsFullException.TITLE::equals).isPresent());
            throw full ? new StreamConnectionsFullException(refusal) : refusal;
        }
        return streamed.body();
    }

    private JsonObject body(HttpAnswer answer, String call) {
        return calls.body(answer, call, OptionalLong.empty());
    }

    private JsonObject data(HttpAnswer answer, String call) {
        return body(answer, call).object("data").orElseThrow(
                () -> V2Errors.unreadable(call, new IOException("no data object")));
    }

    private static Subscription subscription(JsonObject s, String call) {
        String id = s.text("subscription_id").or(() -> s.text("id")).orElseThrow(
                () -> V2Errors.unreadable(call, new IOException("a subscription has no id")));
        return new Subscription(id, s.text("event_type").orElse(""),
                s.object("filter").flatMap(f -> f.text("user_id")).orElse(""),
                s.text("webhook_id"));
    }

    private static Webhook webhook(JsonObject w, String call) {
        String id = w.text("id").orElseThrow(
                () -> V2Errors.unreadable(call, new IOException("a webhook has no id")));
        return new Webhook(id, w.text("url").orElse(""), w.flag("valid").orElse(false));
    }

    private static byte[] json(Map<String, ?> body) {
        return JsonObject.write(body).getBytes(StandardCharsets.UTF_8);
    }
}
