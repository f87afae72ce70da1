package casebird.twitter.client.v1;

import casebird.twitter.client.DmEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import twitter4j.JSONArray;
import twitter4j.JSONException;
import twitter4j.JSONObject;

/**
 * Reads an Account Activity delivery, or an X Activity API event (webhook body or stream
 * line: {@code data.filter.user_id} and {@code data.payload.direct_message_events}, the
 * same DM events), with twitter4j's JSON parser: the subscribed user it is for and its
 * {@code direct_message_events}; other kinds of events (typing, reads, tweets, XAA events
 * other than {@code dm.received}) carry no DM and yield none.
 */
public final class DeliveryJson {

    /** Far deeper than any delivery nests (about 8), far shallower than a stack overflow. */
    static final int MAX_DEPTH = 64;

    private DeliveryJson() {}

    /** What one delivery holds. */
    public record Delivery(OptionalLong forUserId, List<DmEvent> events) {}

    /**
     * Parses a delivery's body.
     *
     * @throws IllegalArgumentException when it is not a JSON object, nests deeper than
     *     {@link #MAX_DEPTH} (twitter4j's parser recurses), or a DM event in it lacks an id,
     *     sender, recipient, text or time
     */
    public static Delivery parse(String body) {
        checkDepth(body);
        try {
            JSONObject root = new JSONObject(body);
            String forUser = root.optString("for_user_id", "");
            JSONArray list = root.optJSONArray("direct_message_events");
            JSONObject xaa = root.optJSONObject("data");
            if (xaa != null) {
                JSONObject filter = xaa.optJSONObject("filter");
                forUser = filter == null ? "" : filter.optString("user_id", "");
                JSONObject payload = xaa.optJSONObject("payload");
                list = payload == null || !"dm.received".equals(xaa.optString("event_type"))
                        ? null : payload.optJSONArray("direct_message_events");
            }
            List<DmEvent> events = new ArrayList<>();
            for (int i = 0; list != null && i < list.length(); i++) {
                JSONObject event = list.getJSONObject(i);
                if ("message_create".equals(event.optString("type"))) {
                    events.add(dmEvent(event));
                }
            }
            return new Delivery(forUser.isEmpty() ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(forUser)), List.copyOf(events));
        } catch (JSONException | NumberFormatException e) {
            throw new IllegalArgumentException("not an Account Activity delivery: "
                    + e.getMessage(), e);
        }
    }

    private static void checkDepth(String body) {
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("not an Account Activity delivery: it is"
                            + " nested deeper than " + MAX_DEPTH + " levels");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static DmEvent dmEvent(JSONObject event) {
        JSONObject create = event.getJSONObject("message_create");
        return new DmEvent(
                Long.parseLong(event.getString("id")),
                Long.parseLong(create.getString("sender_id")),
                Long.parseLong(create.getJSONObject("target").getString("recipient_id")),
                create.getJSONObject("message_data").getString("text"),
                Instant.ofEpochMilli(Long.parseLong(event.getString("created_timestamp"))));
    }
}
