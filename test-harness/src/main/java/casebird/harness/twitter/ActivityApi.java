package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import casebird.harness.twitter.v2.OAuth2Grants;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The X Activity API and v2 webhooks, called with the app-only Bearer token only:
 * {@code /2/activity/subscriptions}, {@code GET /2/activity/stream} and
 * {@code /2/webhooks}. Each DM to a subscribed user becomes a {@code dm.received} event
 * (and so does each group message to a subscribed member: X does not say whether it fires
 * {@code dm.received}, so the fake takes the stricter case a client must handle),
 * sent on every open stream (subscriptions without a webhook) or signed to the webhook
 * (with retries), and charged once per day at X's price of a delivered event.
 */
final class ActivityApi implements HttpHandler, AutoCloseable {

    /** The app's key in the rate limits, which count per account or, here, per app. */
    private static final long APP = 0L;
    private static final Pattern SUBSCRIPTION = Pattern.compile(
            "/2/activity/subscriptions/([0-9]+)");
    private static final Pattern WEBHOOK = Pattern.compile("/2/webhooks/([0-9]+)");

    private final Clock clock;
    private final AccountRegistry accounts;
    private final OAuth2Grants grants;
    private final WebhookSender sender;
    private final CostMeter meter;
    private final RateLimits limits;
    private final CallLog calls;
    private final V2Webhooks webhooks;
    private final ActivitySubscriptions subscriptions;
    private final ActivityStreams streams = new ActivityStreams();

    ActivityApi(XApiV2.Shared shared, OAuth2Grants grants, CostMeter meter,
            RateLimits limits) {
        this.clock = shared.clock();
        this.accounts = shared.accounts();
        this.grants = grants;
        this.sender = shared.webhookSender();
        this.meter = meter;
        this.limits = limits;
        this.calls = shared.calls();
        this.webhooks = new V2Webhooks(clock, sender);
        this.subscriptions = new ActivitySubscriptions(clock, accounts, grants,
                id -> webhooks.find(id).isPresent());
        shared.messages().addListener(this::push);
    }

    /** The stream connections, for their faults and keep-alive interval. */
    ActivityStreams streams() {
        return streams;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long ticket = calls.arrive();
        Instant at = clock.instant();
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        ApiRequest request = ApiRequest.read(exchange);
        Optional<Endpoint> endpoint = endpoint(path);
        ApiResponse response;
        try {
            appOnly(request);
            if (method.equals("GET") && path.equals("/2/activity/stream")) {
                stream(exchange, ticket, at);
                return;
            }
            response = answer(method, path, request);
        } catch (XaaProblem e) {
            response = e.answer();
        } catch (TwitterApiError e) {
            response = V2Problems.answer(e, Optional.empty());
        }
        calls.record(ticket, new RecordedCall(at, endpoint, method, path, OptionalLong.empty(),
                response.status()));
        ApiExchangeHandler.send(exchange, response);
    }

    private void stream(HttpExchange exchange, long ticket, Instant at) throws IOException {
        RateLimits.Quota quota = limits.consume(Endpoint.ACTIVITY_STREAM, APP);
        ActivityStreams.Connection connection = streams.admit();
        calls.record(ticket, new RecordedCall(at, Optional.of(Endpoint.ACTIVITY_STREAM), "GET",
                "/2/activity/stream", OptionalLong.empty(), 200));
        streams.serve(exchange, connection, quota.headers());
    }

    private ApiResponse answer(String method, String path, ApiRequest request) {
        Matcher subscription = SUBSCRIPTION.matcher(path);
        Matcher webhook = WEBHOOK.matcher(path);
        String call = method + " " + path;
        if (call.equals("POST /2/activity/subscriptions")) {
            return subscriptions.create(request);
        } else if (call.equals("GET /2/activity/subscriptions")) {
            return subscriptions.list();
        } else if (method.equals("DELETE") && subscription.matches()) {
            return subscriptions.delete(subscription.group(1));
        } else if (call.equals("POST /2/webhooks")) {
            return webhooks.create(request);
        } else if (call.equals("GET /2/webhooks")) {
            return webhooks.list();
        } else if (method.equals("PUT") && webhook.matches()) {
            return webhooks.revalidate(webhook.group(1));
        } else if (method.equals("DELETE") && webhook.matches()) {
            return webhooks.delete(webhook.group(1));
        }
        throw XaaProblem.of(404, "resource-not-found", "No such call: " + call);
    }

    private static Optional<Endpoint> endpoint(String path) {
        if (path.startsWith("/2/activity/stream")) {
            return Optional.of(Endpoint.ACTIVITY_STREAM);
        }
        if (path.startsWith("/2/activity/subscriptions")) {
            return Optional.of(Endpoint.ACTIVITY_SUBSCRIPTIONS);
        }
        return path.startsWith("/2/webhooks") ? Optional.of(Endpoint.WEBHOOKS)
                : Optional.empty();
    }

    /** Admits the app-only Bearer token; refuses user context and unknown tokens. */
    private void appOnly(ApiRequest request) {
        String header = request.authorization().orElse("");
        if (!header.toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            throw XaaProblem.titled(401, "Unauthorized", "This endpoint needs the app-only"
                    + " Bearer token (OAuth 2.0 Application-Only).");
        }
        OAuth2Grants.Access access = grants.access(header.substring(7).trim()).orElseThrow(
                () -> XaaProblem.titled(401, "Unauthorized", "Unauthorized"));
        if (access.accountId().isPresent()) {
            throw XaaProblem.titled(403, "Unsupported Authentication", "Authenticating with"
                    + " OAuth 2.0 User Context is forbidden for this endpoint. Supported"
                    + " authentication types are [OAuth 2.0 Application-Only].");
        }
    }

    /**
     * Delivers a group message to each subscription of each member but its sender, as a
     * {@code dm.received} event that, as X's events do, carries no conversation id.
     */
    void pushGroupMessage(GroupEvent event, GroupConversation group) {
        if (!event.isMessage()) {
            return;
        }
        for (long member : group.memberIds()) {
            if (member != event.senderId()) {
                push(new DirectMessage(event.id(), event.senderId(), member, event.text(),
                        event.createdAt()));
            }
        }
    }

    /** Delivers a new DM to each subscription of its recipient. */
    private void push(DirectMessage message) {
        if (message.senderId() == message.recipientId()) {
            return;
        }
        Optional<TwitterAccount> from = accounts.byId(message.senderId());
        if (from.isEmpty()) {
            return;
        }
        for (ActivitySubscriptions.Subscription subscription
                : subscriptions.dmReceivedBy(message.recipientId())) {
            String body = XaaJson.dmReceived(subscription, message, from.get()).toString();
            if (subscription.webhookId().isEmpty()) {
                if (streams.publish(body) > 0) {
                    charge(message);
                }
            } else {
                Optional<V2Webhooks.Hook> hook = webhooks.find(subscription.webhookId().get())
                        .filter(V2Webhooks.Hook::valid);
                hook.ifPresent(h -> {
                    sender.deliver(message.id(), h.url(), body,
                            () -> webhooks.invalidate(h.id()));
                    charge(message);
                });
            }
        }
    }

    private void charge(DirectMessage message) {
        meter.charge(CostMeter.Price.DM_DELIVERED, Long.toString(message.id()));
    }

    /**
     * The bodies X would post to the app's webhook for a DM (sent or not) to a subscribed
     * user: what a forger or a replayer would post.
     */
    Map<URI, String> deliveries(DirectMessage message) {
        Map<URI, String> bodies = new LinkedHashMap<>();
        accounts.byId(message.senderId()).ifPresent(from -> subscriptions
                .dmReceivedBy(message.recipientId()).forEach(subscription ->
                        subscription.webhookId().flatMap(webhooks::find).ifPresent(hook ->
                                bodies.put(hook.url(), XaaJson.dmReceived(subscription,
                                        message, from).toString()))));
        return bodies;
    }

    /** Whether a stream is connected and a stream subscription for the user exists. */
    boolean streamReady(long userId) {
        return streams.connected() && subscriptions.dmReceivedBy(userId).stream()
                .anyMatch(s -> s.webhookId().isEmpty());
    }

    /** Whether the app's webhook is valid and subscribed to the user's DMs. */
    boolean webhookReady(long userId) {
        return webhooks.find().filter(V2Webhooks.Hook::valid).map(hook -> subscriptions
                .dmReceivedBy(userId).stream()
                .anyMatch(s -> s.webhookId().equals(Optional.of(hook.id())))).orElse(false);
    }

    /** The URL of the app's webhook, if it has one. */
    Optional<URI> webhookUrl() {
        return webhooks.find().map(V2Webhooks.Hook::url);
    }

    /** Ends every stream, waiting for their threads. */
    @Override
    public void close() {
        streams.close();
    }
}
