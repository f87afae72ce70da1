package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** The JSON of the X Activity API: its events, subscriptions and v2 webhooks. */
final class XaaJson {

    private static final DateTimeFormatter TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private XaaJson() {
    }

    /**
     * A {@code dm.received} event as the stream and webhooks carry it (xaa-dm-received.json):
     * the DM in v1.1's event shape and its sender. The event's uuid is the same for every
     * delivery of one DM under one subscription, retries included.
     */
    static ObjectNode dmReceived(ActivitySubscriptions.Subscription subscription,
            DirectMessage message, TwitterAccount sender) {
        ObjectNode data = TwitterJson.MAPPER.createObjectNode();
        data.put("event_uuid", Long.toString(UUID.nameUUIDFromBytes((subscription.id() + ":"
                + message.id()).getBytes(StandardCharsets.UTF_8)).getMostSignificantBits()));
        data.putObject("filter").put("user_id", Long.toString(subscription.userId()));
        data.put("event_type", subscription.eventType());
        data.put("tag", subscription.tag());
        ObjectNode payload = data.putObject("payload");
        payload.putArray("direct_message_events").add(TwitterJson.event(message));
        ObjectNode user = payload.putObject("users").putObject(Long.toString(sender.id()))
                .putObject("data");
        user.put("id", Long.toString(sender.id()));
        user.put("username", sender.screenName());
        user.put("name", sender.screenName());
        user.put("protected", false);
        user.put("verified", false);
        return V2Json.data(data);
    }

    /** A subscription's fields, {@code webhook_id} only when it has one. */
    static ObjectNode subscription(ActivitySubscriptions.Subscription subscription) {
        ObjectNode node = TwitterJson.MAPPER.createObjectNode();
        node.put("subscription_id", subscription.id());
        node.put("event_type", subscription.eventType());
        node.putObject("filter").put("user_id", Long.toString(subscription.userId()));
        node.put("tag", subscription.tag());
        subscription.webhookId().ifPresent(id -> node.put("webhook_id", id));
        node.put("created_at", time(subscription.createdAt()));
        node.put("updated_at", time(subscription.createdAt()));
        return node;
    }

    /** A v2 webhook's fields. */
    static ObjectNode webhook(V2Webhooks.Hook hook) {
        ObjectNode node = TwitterJson.MAPPER.createObjectNode();
        node.put("id", hook.id());
        node.put("url", hook.url().toString());
        node.put("valid", hook.valid());
        node.put("created_at", time(hook.createdAt()));
        return node;
    }

    /** A list answer: {@code data} and {@code meta.result_count}, no {@code data} when empty. */
    static ObjectNode list(Iterable<ObjectNode> items) {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        ArrayNode data = TwitterJson.MAPPER.createArrayNode();
        items.forEach(data::add);
        if (!data.isEmpty()) {
            body.set("data", data);
        }
        body.putObject("meta").put("result_count", data.size());
        return body;
    }

    /** {@code {"data":{"deleted":true}}}. */
    static ObjectNode deleted() {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        body.putObject("data").put("deleted", true);
        return body;
    }

    /**
     * A request's JSON object body.
     *
     * @throws XaaProblem 400 when it is not a JSON object
     */
    static JsonNode body(ApiRequest request) {
        try {
            JsonNode body = TwitterJson.MAPPER.readTree(request.body());
            if (body == null || !body.isObject()) {
                throw XaaProblem.invalid("The request body must be a JSON object.");
            }
            return body;
        } catch (IOException e) {
            throw XaaProblem.invalid("The request body is not JSON: " + e.getMessage());
        }
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }
}
