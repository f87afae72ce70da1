package casebird.twitter.client.v2;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RateLimitListener;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.RoomRefusedException;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import com.google.common.base.Preconditions;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The {@link TwitterPort} over X API v2's DM and user endpoints (X-API-V2.md), with the
 * JDK's HTTP client and Jackson's streaming parser.
 *
 * <p>Every answer's rate-limit headers go to the {@link RateLimitListener}; error answers
 * become {@link TwitterApiException}s as {@link V2Errors} says. A 401 gets one more try
 * when the {@link RequestAuthorizer} renews its header; a second 401 means X no longer
 * accepts the bot's authorization ({@link AuthorizationLostException}).
 */
public final class XApiV2Port implements TwitterPort {

    private static final String SENDER = "sender_id";
    private static final List<String> EVENT_FIELDS =
            List.of("id", "text", "event_type", "created_at", "dm_conversation_id", SENDER,
                    "participant_ids");

    private final V2Calls calls;
    private volatile List<String> eventFields = EVENT_FIELDS;

    /**
     * Creates the port.
     *
     * @param apiBase X's API root, e.g. {@code https://api.x.com/}; paths such as
     *     {@code 2/dm_events} are resolved under it
     */
    public XApiV2Port(URI apiBase, ApiHttp http, RequestAuthorizer authorizer,
            RateLimitListener rateLimits) {
        this.calls = new V2Calls(apiBase, http, authorizer, rateLimits);
    }

    @Override
    public BotAccount verifyCredentials() {
        JsonObject me = data(calls.get(Endpoint.VERIFY_CREDENTIALS, "2/users/me", Map.of()),
                "GET /2/users/me");
        return new BotAccount(id(me, "GET /2/users/me"), me.text("username").orElse(""));
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        return listEvents(cursor, DEFAULT_PAGE_SIZE);
    }

    @Override
    public EventPage listEvents(Optional<String> cursor, int maxResults) {
        Preconditions.checkArgument(maxResults >= 1 && maxResults <= 100,
                "max_results must be 1 to 100: %s", maxResults);
        List<String> fields = eventFields;
        HttpAnswer answer = listCall(cursor, maxResults, fields);
        if (fields.contains(SENDER) && DmEventReader.refusesField(answer, SENDER)) {
            eventFields = fields.stream().filter(f -> !f.equals(SENDER)).toList();
            answer = listCall(cursor, maxResults, eventFields);
        }
        try {
            return DmEventReader.page(calls.body(answer, "GET /2/dm_events", OptionalLong.empty()));
        } catch (IOException e) {
            throw V2Errors.unreadable("GET /2/dm_events", e);
        }
    }

    private HttpAnswer listCall(Optional<String> cursor, int maxResults, List<String> fields) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("dm_event.fields", String.join(",", fields));
        query.put("expansions", SENDER);
        query.put("max_results", Integer.toString(maxResults));
        cursor.ifPresent(c -> query.put("pagination_token", c));
        return calls.get(Endpoint.DM_LIST, "2/dm_events", query);
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        return message(Endpoint.DM_SEND, "2/dm_conversations/with/" + recipientId, text,
                OptionalLong.of(recipientId), recipientId);
    }

    /**
     * Posts a message under a conversation's path; only a refusal naming {@code recipient}
     * is about the recipient.
     */
    private SentMessage message(Endpoint endpoint, String conversation, String text,
            OptionalLong recipient, long to) {
        String call = "POST /" + conversation.replaceAll("\\d+$", ":id") + "/messages";
        byte[] body = JsonObject.write(Map.of("text", text)).getBytes(StandardCharsets.UTF_8);
        HttpAnswer answer = calls.post(endpoint, conversation + "/messages", body);
        JsonObject data = calls.body(answer, call, recipient).object("data")
                .orElse(new JsonObject(Map.of()));
        try {
            return new SentMessage(Long.parseLong(data.text("dm_event_id").orElse("")), to);
        } catch (NumberFormatException e) {
            throw V2Errors.unreadable(call, new IOException("no dm_event_id", e));
        }
    }

    /**
     * {@code POST /2/dm_conversations}: a {@code Group} of the bot and the participants,
     * with its first message. A 403 naming a user is that member refusing group DMs; one
     * naming nobody, X refusing rooms for now (both {@link RoomRefusedException}).
     */
    @Override
    public RoomCreated createRoom(Collection<Long> participantIds, String text) {
        String call = "POST /2/dm_conversations";
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("conversation_type", "Group");
        request.put("participant_ids", participantIds.stream().map(String::valueOf).toList());
        request.put("message", Map.of("text", text));
        HttpAnswer answer = calls.post(Endpoint.DM_ROOM_SEND, "2/dm_conversations",
                JsonObject.write(request).getBytes(StandardCharsets.UTF_8));
        if (answer.status() == 403) {
            TwitterApiException failure = V2Errors.failure(call, answer, OptionalLong.empty());
            throw new RoomRefusedException(failure.reason(),
                    V2Errors.deniedUser(answer));
        }
        JsonObject data = calls.body(answer, call, OptionalLong.empty()).object("data")
                .orElse(new JsonObject(Map.of()));
        try {
            return new RoomCreated(Long.parseLong(data.text("dm_conversation_id").orElse("")),
                    Long.parseLong(data.text("dm_event_id").orElse("")));
        } catch (NumberFormatException e) {
            throw V2Errors.unreadable(call, new IOException("no dm_conversation_id", e));
        }
    }

    /** {@code POST /2/dm_conversations/:id/messages}: a message in a group conversation. */
    @Override
    public SentMessage postToRoom(long conversationId, String text) {
        return message(Endpoint.DM_ROOM_SEND, "2/dm_conversations/" + conversationId, text,
                OptionalLong.empty(), conversationId);
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        Map<String, Long> ids = new HashMap<>();
        if (screenNames.isEmpty()) {
            return ids;
        }
        Map<String, String> asked = new HashMap<>();
        screenNames.forEach(n -> asked.put(n.toLowerCase(Locale.ROOT), n));
        HttpAnswer answer = calls.get(Endpoint.USERS_LOOKUP, "2/users/by",
                Map.of("usernames", String.join(",", screenNames)));
        for (JsonObject user : calls.body(answer, "GET /2/users/by", OptionalLong.empty())
                .objects("data")) {
            String name = asked.get(user.text("username").orElse("").toLowerCase(Locale.ROOT));
            if (name != null) {
                ids.put(name, id(user, "GET /2/users/by"));
            }
        }
        return ids;
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> userIds) {
        Map<Long, String> names = new HashMap<>();
        if (userIds.isEmpty()) {
            return names;
        }
        HttpAnswer answer = calls.get(Endpoint.USERS_LOOKUP, "2/users", Map.of("ids",
                userIds.stream().map(String::valueOf).collect(Collectors.joining(","))));
        for (JsonObject user : calls.body(answer, "GET /2/users", OptionalLong.empty())
                .objects("data")) {
            user.text("username").ifPresent(name -> names.put(id(user, "GET /2/users"), name));
        }
        return names;
    }

    @Override
    public void destroy(long eventId) {
        calls.body(calls.delete(Endpoint.DM_DESTROY, "2/dm_events/" + eventId),
                "DELETE /2/dm_events/:id", OptionalLong.empty());
    }

    /**
     * Always fails: push through webhooks is not built for X API v2 yet.
     *
     * @throws PushNotOnV2Exception always, naming the environment asked for
     */
    @Override
    public void registerWebhook(String env, URI url) {
        throw new PushNotOnV2Exception(env);
    }

    private JsonObject data(HttpAnswer answer, String call) {
        return calls.body(answer, call, OptionalLong.empty()).object("data").orElseThrow(
                () -> V2Errors.unreadable(call, new IOException("no data object")));
    }

    private static long id(JsonObject user, String call) {
        try {
            return Long.parseLong(user.text("id").orElse(""));
        } catch (NumberFormatException e) {
            throw V2Errors.unreadable(call, new IOException("a user has no numeric id", e));
        }
    }
}
