package casebird.harness.twitter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.OptionalLong;

/** The direct_messages/events endpoints: list, show, new and destroy. */
final class DirectMessageEndpoints {

    private static final int DEFAULT_COUNT = 20;
    private static final int MAX_COUNT = 50;

    private final MessageStore messages;

    DirectMessageEndpoints(MessageStore messages) {
        this.messages = messages;
    }

    /** GET list.json: the caller's sent and received events, newest first, paged. */
    ApiResponse list(TwitterAccount caller, ApiRequest request) {
        int count = request.param("count").map(DirectMessageEndpoints::parseCount)
                .orElse(DEFAULT_COUNT);
        OptionalLong below = request.param("cursor")
                .map(c -> OptionalLong.of(decodeCursor(c))).orElse(OptionalLong.empty());
        MessageStore.Page page = messages.page(caller.id(), count, below);
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        ArrayNode events = body.putArray("events");
        page.events().forEach(m -> events.add(TwitterJson.event(m)));
        page.continueBelow().ifPresent(id -> body.put("next_cursor", encodeCursor(id)));
        return ApiResponse.json(body);
    }

    /** GET show.json?id=: one event the caller can see. */
    ApiResponse show(TwitterAccount caller, ApiRequest request) {
        long id = request.requiredId("id");
        return messages.find(caller.id(), id)
                .map(m -> ApiResponse.json(wrap(m)))
                .orElseThrow(() -> TwitterApiError.of(404, 34));
    }

    /** POST new.json: sends a DM from the caller. */
    ApiResponse send(TwitterAccount caller, ApiRequest request) {
        TwitterJson.SendRequest send = TwitterJson.parseSend(request.body());
        return ApiResponse.json(wrap(messages.create(caller.id(), send.recipientId(),
                send.text())));
    }

    /** DELETE destroy.json?id=: removes an event from the caller's view. */
    ApiResponse destroy(TwitterAccount caller, ApiRequest request) {
        if (!messages.hide(caller.id(), request.requiredId("id"))) {
            throw TwitterApiError.of(404, 34);
        }
        return ApiResponse.noContent();
    }

    private static ObjectNode wrap(DirectMessage message) {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        body.set("event", TwitterJson.event(message));
        return body;
    }

    private static int parseCount(String value) {
        try {
            return Math.max(1, Math.min(MAX_COUNT, Integer.parseInt(value)));
        } catch (NumberFormatException e) {
            throw TwitterApiError.of(400, 214, "count must be a number: " + value);
        }
    }

    /** Twitter's cursors are the base64 of the last id on the page; ours too. */
    private static String encodeCursor(long id) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(Long.toString(id).getBytes(StandardCharsets.US_ASCII));
    }

    private static long decodeCursor(String cursor) {
        try {
            return Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor),
                    StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw TwitterApiError.of(400, 214, "cursor is invalid: " + cursor);
        }
    }
}
