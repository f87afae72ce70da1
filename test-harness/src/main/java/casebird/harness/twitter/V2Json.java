package casebird.harness.twitter;

import casebird.harness.twitter.v2.ConversationId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Set;

/** X API v2 JSON shapes: DM events with only the fields asked for, users, send requests. */
final class V2Json {

    private static final DateTimeFormatter CREATED_AT = DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private V2Json() {
    }

    /**
     * A DM event: {@code id}, {@code event_type} and a message's {@code text} always (X's
     * defaults), the other fields only when asked for; {@code sender_id} also when the
     * sender is expanded, as X hydrates an expanded field. A one-to-one message's
     * conversation id is {@code small-large}, a group's a plain number.
     */
    static ObjectNode event(DmEvent dm, Set<String> fields, boolean senderExpanded) {
        GroupEvent group = dm instanceof GroupEvent g ? g : null;
        ObjectNode event = TwitterJson.MAPPER.createObjectNode();
        event.put("id", Long.toString(dm.id()));
        event.put("event_type", group == null ? "MessageCreate" : group.type().word());
        if (group == null || group.isMessage()) {
            event.put("text", group == null ? ((DirectMessage) dm).text() : group.text());
        }
        if (group != null && !group.isMessage() && fields.contains("participant_ids")) {
            ArrayNode ids = event.putArray("participant_ids");
            group.participantIds().forEach(id -> ids.add(Long.toString(id)));
        }
        if (fields.contains("sender_id") || senderExpanded) {
            event.put("sender_id", Long.toString(dm.senderId()));
        }
        if (fields.contains("dm_conversation_id")) {
            event.put("dm_conversation_id", group == null
                    ? conversationOf((DirectMessage) dm).value() : group.conversationId());
        }
        if (fields.contains("created_at")) {
            event.put("created_at", CREATED_AT.format(dm.createdAt()));
        }
        return event;
    }

    /** The conversation a stored DM belongs to (every stored DM is one-to-one). */
    static ConversationId conversationOf(DirectMessage message) {
        return ConversationId.oneToOne(message.senderId(), message.recipientId());
    }

    /** A user object with X's default fields. */
    static ObjectNode user(TwitterAccount account) {
        ObjectNode user = TwitterJson.MAPPER.createObjectNode();
        user.put("id", Long.toString(account.id()));
        user.put("name", account.screenName());
        user.put("username", account.screenName());
        return user;
    }

    /** {@code {"data": node}}. */
    static ObjectNode data(JsonNode node) {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        body.set("data", node);
        return body;
    }

    /**
     * The text of a send request, {@code {"text": "..."}}.
     *
     * @throws TwitterApiError 400 when the body is not JSON or has no non-blank text
     */
    static String parseText(String body) {
        JsonNode text;
        try {
            text = TwitterJson.MAPPER.readTree(body).path("text");
        } catch (JsonProcessingException e) {
            throw TwitterApiError.of(400, "The request body is not valid JSON.");
        }
        if (!text.isTextual() || text.asText().isBlank()) {
            throw TwitterApiError.of(400, "The request body needs a non-blank `text`.");
        }
        return text.asText();
    }
}
