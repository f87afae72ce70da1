package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Grants;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The X Activity API's subscriptions of the app: {@code dm.received} for one user, each
 * delivered on the stream (no webhook) or to a webhook of the app. A user must have
 * authorized the app (an OAuth 2.0 grant with {@code dm.read}, or OAuth 1.0a user keys)
 * before the app may subscribe to the user's private events.
 */
final class ActivitySubscriptions {

    /** The only event type the fake serves. */
    static final String DM_RECEIVED = "dm.received";

    /** One subscription; {@code webhookId} empty means "deliver on the stream". */
    record Subscription(String id, String eventType, long userId, String tag,
            Optional<String> webhookId, Instant createdAt) {
    }

    private final Clock clock;
    private final AccountRegistry accounts;
    private final OAuth2Grants grants;
    private final Predicate<String> webhookExists;
    private final Map<String, Subscription> byId = new LinkedHashMap<>();
    private long nextId = 1_862_900_000_000_000_001L;

    ActivitySubscriptions(Clock clock, AccountRegistry accounts, OAuth2Grants grants,
            Predicate<String> webhookExists) {
        this.clock = clock;
        this.accounts = accounts;
        this.grants = grants;
        this.webhookExists = webhookExists;
    }

    /** {@code POST /2/activity/subscriptions}. */
    ApiResponse create(ApiRequest request) {
        JsonNode body = XaaJson.body(request);
        String eventType = body.path("event_type").asText("");
        if (!eventType.equals(DM_RECEIVED)) {
            throw XaaProblem.invalid("event_type must be " + DM_RECEIVED + " (the only event"
                    + " type this API serves here): '" + eventType + "'");
        }
        String user = body.path("filter").path("user_id").asText("");
        if (!user.matches("[0-9]{1,19}")) {
            throw XaaProblem.invalid("filter.user_id must be a user id: '" + user + "'");
        }
        long userId = Long.parseLong(user);
        Optional<String> webhookId = Optional.ofNullable(body.get("webhook_id"))
                .map(JsonNode::asText);
        if (webhookId.isPresent() && !webhookExists.test(webhookId.get())) {
            throw XaaProblem.of(404, "resource-not-found", "No webhook of this app has the id "
                    + webhookId.get());
        }
        if (!authorized(userId)) {
            throw XaaProblem.aboutUser(userId, "User " + userId + " has not authorized this"
                    + " app to read their private events.");
        }
        Subscription created;
        synchronized (this) {
            if (byId.values().stream().anyMatch(s -> s.eventType().equals(eventType)
                    && s.userId() == userId && s.webhookId().equals(webhookId))) {
                throw XaaProblem.of(409, "invalid-request", "subscription already exists");
            }
            created = new Subscription(Long.toString(nextId++), eventType, userId,
                    body.path("tag").asText(""), webhookId, clock.instant());
            byId.put(created.id(), created);
        }
        return ApiResponse.json(V2Json.data(TwitterJson.MAPPER.createObjectNode()
                .set("subscription", XaaJson.subscription(created))));
    }

    /** {@code GET /2/activity/subscriptions}. */
    ApiResponse list() {
        return ApiResponse.json(XaaJson.list(all().stream().map(XaaJson::subscription)
                .toList()));
    }

    /** {@code DELETE /2/activity/subscriptions/:id}. */
    synchronized ApiResponse delete(String id) {
        if (byId.remove(id) == null) {
            throw XaaProblem.of(404, "resource-not-found", "No subscription has the id " + id);
        }
        return ApiResponse.json(XaaJson.deleted());
    }

    /** Every subscription, oldest first. */
    synchronized List<Subscription> all() {
        return List.copyOf(byId.values());
    }

    /** The {@code dm.received} subscriptions for a user, oldest first. */
    synchronized List<Subscription> dmReceivedBy(long userId) {
        return byId.values().stream().filter(s -> s.eventType().equals(DM_RECEIVED)
                && s.userId() == userId).toList();
    }

    private boolean authorized(long userId) {
        return accounts.byId(userId).isPresent()
                && (grants.authorized(userId, "dm.read") || accounts.hasUserKeys(userId));
    }
}
