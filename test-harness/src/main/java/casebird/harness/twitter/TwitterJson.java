package casebird.harness.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Twitter v1.1 JSON shapes: DM events, user objects, error bodies and the send request. */
final class TwitterJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter
            .ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter WEBHOOK_TIME = DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** What a POST events/new.json asks for. */
    record SendRequest(long recipientId, String text) {
    }

    private TwitterJson() {
    }

    /** A {@code message_create} event; the text HTML-escaped as Twitter sends it. */
    static ObjectNode event(DirectMessage message) {
        ObjectNode event = MAPPER.createObjectNode();
        event.put("type", "message_create");
        event.put("id", Long.toString(message.id()));
        event.put("created_timestamp", Long.toString(message.createdAt().toEpochMilli()));
        ObjectNode create = event.putObject("message_create");
        create.putObject("target").put("recipient_id", Long.toString(message.recipientId()));
        create.put("sender_id", Long.toString(message.senderId()));
        ObjectNode data = create.putObject("message_data");
        data.put("text", escapeHtml(message.text()));
        ObjectNode entities = data.putObject("entities");
        entities.putArray("hashtags");
        entities.putArray("symbols");
        entities.putArray("user_mentions");
        entities.putArray("urls");
        return event;
    }

    /**
     * An Account Activity delivery of one DM event to the webhook of {@code forUser}, with
     * the two accounts in {@code users} as Twitter sends them.
     */
    static ObjectNode delivery(long forUser, DirectMessage message, TwitterAccount from,
            TwitterAccount to) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("for_user_id", Long.toString(forUser));
        body.putArray("direct_message_events").add(event(message));
        ObjectNode users = body.putObject("users");
        for (TwitterAccount account : new TwitterAccount[] {from, to}) {
            ObjectNode user = users.putObject(Long.toString(account.id()));
            user.put("id", Long.toString(account.id()));
            user.put("created_timestamp", Long.toString(message.createdAt().toEpochMilli()));
            user.put("name", account.screenName());
            user.put("screen_name", account.screenName());
        }
        return body;
    }

    /** A webhook's {@code created_timestamp}, as {@code 2016-06-02 23:54:02 +0000}. */
    static String webhookTime(long epochMillis) {
        return WEBHOOK_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /** The DM a {@code message_create} event describes, its text unescaped. */
    static DirectMessage parseEvent(JsonNode event) {
        JsonNode create = event.path("message_create");
        return new DirectMessage(event.path("id").asLong(),
                create.path("sender_id").asLong(),
                create.path("target").path("recipient_id").asLong(),
                unescapeHtml(create.path("message_data").path("text").asText()),
                Instant.ofEpochMilli(event.path("created_timestamp").asLong()));
    }

    /** A user object with the fields twitter4j's user parser reads. */
    static ObjectNode user(TwitterAccount account, Instant createdAt) {
        ObjectNode user = MAPPER.createObjectNode();
        user.put("id", account.id());
        user.put("id_str", Long.toString(account.id()));
        user.put("name", account.screenName());
        user.put("screen_name", account.screenName());
        user.put("location", "");
        user.put("description", "");
        user.putNull("url");
        user.put("protected", false);
        user.put("verified", false);
        user.put("followers_count", 0);
        user.put("friends_count", 0);
        user.put("listed_count", 0);
        user.put("favourites_count", 0);
        user.put("statuses_count", 0);
        user.put("created_at", CREATED_AT.format(createdAt));
        user.putNull("utc_offset");
        user.putNull("time_zone");
        user.put("geo_enabled", false);
        user.putNull("lang");
        user.put("default_profile", true);
        user.put("default_profile_image", true);
        return user;
    }

    /** Twitter's error body: {@code {"errors":[{"code":N,"message":"..."}]}}. */
    static ObjectNode errors(TwitterApiError error) {
        ObjectNode body = MAPPER.createObjectNode();
        ObjectNode entry = body.putArray("errors").addObject();
        error.code().ifPresent(code -> entry.put("code", code));
        entry.put("message", error.getMessage());
        return body;
    }

    /**
     * Reads a send request, taking {@code recipient_id} as a JSON number (twitter4j) or a
     * string (Twitter's documentation).
     *
     * @throws TwitterApiError 400 code 214 when the body is not such a request
     */
    static SendRequest parseSend(String body) {
        JsonNode create;
        try {
            create = MAPPER.readTree(body).path("event").path("message_create");
        } catch (JsonProcessingException e) {
            throw TwitterApiError.of(400, 214, "The request body is not valid JSON.");
        }
        JsonNode recipient = create.path("target").path("recipient_id");
        JsonNode text = create.path("message_data").path("text");
        if (!text.isTextual()) {
            throw TwitterApiError.of(400, 214, "event.message_create.message_data.text missing.");
        }
        if (recipient.canConvertToExactIntegral() && recipient.isIntegralNumber()) {
            return new SendRequest(recipient.asLong(), text.asText());
        }
        if (recipient.isTextual() && recipient.asText().matches("[0-9]{1,19}")) {
            return new SendRequest(Long.parseLong(recipient.asText()), text.asText());
        }
        throw TwitterApiError.of(400, 214, "event.message_create.target.recipient_id invalid.");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String unescapeHtml(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
