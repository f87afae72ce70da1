package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * X API v2's DM calls over the same store as v1.1's: {@code GET /2/dm_events} (group
 * conversations' events too), {@code GET /2/dm_conversations/:id/dm_events}, the
 * one-to-one send and {@code DELETE /2/dm_events/:id}; each event read and each DM sent is
 * charged to the cost meter.
 */
final class DmEventEndpoints {

    private static final int MAX_RESULTS = 100;
    private static final Set<String> ALL_FIELDS = Set.of("id", "text", "event_type", "created_at",
            "dm_conversation_id", "sender_id", "participant_ids", "referenced_tweets",
            "attachments");
    private static final Set<String> EXPANSIONS = Set.of("sender_id", "participant_ids",
            "referenced_tweets.id", "attachments.media_keys");
    private static final Set<String> EVENT_TYPES = Set.of("MessageCreate", "ParticipantsJoin",
            "ParticipantsLeave");

    /** Where a pagination token points: below an event (older) or above it (newer). */
    private record Position(boolean older, long eventId) {
    }

    private record Page(List<DmEvent> events, Optional<Position> next,
            Optional<Position> previous) {
    }

    private final MessageStore messages;
    private final DmTimeline timeline;
    private final GroupConversations groups;
    private final AccountRegistry accounts;
    private final CostMeter meter;
    private final Set<String> fields = ConcurrentHashMap.newKeySet();

    DmEventEndpoints(MessageStore messages, DmTimeline timeline, GroupConversations groups,
            AccountRegistry accounts, CostMeter meter) {
        this.messages = messages;
        this.timeline = timeline;
        this.groups = groups;
        this.accounts = accounts;
        this.meter = meter;
        fields.addAll(ALL_FIELDS);
    }

    /**
     * Stops accepting a field in {@code dm_event.fields}: asking for it is then a 400 naming
     * it, as X may answer for {@code sender_id} (its OpenAPI file no longer lists it).
     */
    void withdrawField(String field) {
        fields.remove(field);
    }

    /** GET /2/dm_events: the caller's events, newest first, paged by token. */
    ApiResponse list(TwitterAccount caller, ApiRequest request) {
        return list(caller, request, true, event -> true);
    }

    /**
     * GET /2/dm_conversations/:id/dm_events: one group conversation's events.
     *
     * @throws TwitterApiError 403 when the caller is not a member of that group
     */
    ApiResponse conversation(TwitterAccount caller, ApiRequest request) {
        String id = V2Route.conversationId(request).orElseThrow();
        if (groups.find(id).filter(g -> g.hasMember(caller.id())).isEmpty()) {
            throw TwitterApiError.of(403, "You are not a participant of the conversation ["
                    + id + "].");
        }
        return list(caller, request, false, event -> event.conversationId().equals(id));
    }

    private ApiResponse list(TwitterAccount caller, ApiRequest request, boolean oneToOne,
            Predicate<GroupEvent> conversation) {
        int max = request.param("max_results").map(DmEventEndpoints::maxResults)
                .orElse(MAX_RESULTS);
        Set<String> asked = Set.copyOf(allowed(request, "dm_event.fields", Set.copyOf(fields)));
        boolean senderExpanded = allowed(request, "expansions", EXPANSIONS)
                .contains("sender_id");
        List<String> types = allowed(request, "event_types", EVENT_TYPES);
        Optional<Position> from = request.param("pagination_token")
                .map(DmEventEndpoints::decode);
        boolean creates = types.isEmpty() || types.contains("MessageCreate");
        DmTimeline.Filter filter = new DmTimeline.Filter(oneToOne && creates,
                conversation.and(e -> types.isEmpty() || types.contains(e.type().word())));
        Page page = page(caller.id(), max, from, filter);
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        if (!page.events().isEmpty()) {
            ArrayNode data = body.putArray("data");
            page.events().forEach(m -> data.add(V2Json.event(m, asked, senderExpanded)));
        }
        if (senderExpanded && !page.events().isEmpty()) {
            body.putObject("includes").set("users", senders(page.events()));
        }
        ObjectNode meta = body.putObject("meta").put("result_count", page.events().size());
        page.next().ifPresent(p -> meta.put("next_token", encode(p)));
        page.previous().ifPresent(p -> meta.put("previous_token", encode(p)));
        page.events().forEach(m -> meter.charge(CostMeter.Price.DM_EVENT_READ,
                Long.toString(m.id())));
        return ApiResponse.json(body);
    }

    /** POST /2/dm_conversations/with/:participant_id/messages: 201 with the new event. */
    ApiResponse send(TwitterAccount caller, ApiRequest request) {
        long recipientId = id(V2Route.participant(request).orElseThrow(), "participant_id");
        DirectMessage sent = messages.create(caller.id(), recipientId,
                V2Json.parseText(request.body()));
        meter.charge(CostMeter.Price.DM_SENT, Long.toString(sent.id()));
        ObjectNode data = TwitterJson.MAPPER.createObjectNode()
                .put("dm_conversation_id", V2Json.conversationOf(sent).value())
                .put("dm_event_id", Long.toString(sent.id()));
        return new ApiResponse(201, Map.of(), V2Json.data(data).toString());
    }

    /** DELETE /2/dm_events/:id: removes an event from the caller's view. */
    ApiResponse delete(TwitterAccount caller, ApiRequest request) {
        long eventId = id(V2Route.eventId(request).orElseThrow(), "dm_event_id");
        if (!messages.hide(caller.id(), eventId)) {
            throw TwitterApiError.of(404, "Could not find DM event with id: [" + eventId + "].");
        }
        return ApiResponse.json(V2Json.data(TwitterJson.MAPPER.createObjectNode()
                .put("deleted", true)));
    }

    private Page page(long accountId, int max, Optional<Position> from,
            DmTimeline.Filter filter) {
        if (from.isPresent() && !from.get().older()) {
            List<DmEvent> newer = timeline.above(accountId, max, from.get().eventId(), filter);
            return new Page(newer, edge(newer, newer.size() - 1, true), edge(newer, 0, false));
        }
        OptionalLong below = from.map(p -> OptionalLong.of(p.eventId()))
                .orElse(OptionalLong.empty());
        DmTimeline.Page older = timeline.page(accountId, max, below, filter);
        Optional<Position> next = older.continueBelow().isPresent()
                ? Optional.of(new Position(true, older.continueBelow().getAsLong()))
                : Optional.empty();
        Optional<Position> previous = from.isPresent()
                ? edge(older.events(), 0, false) : Optional.empty();
        return new Page(older.events(), next, previous);
    }

    /** A position past the event at {@code index}, if the page has one. */
    private static Optional<Position> edge(List<DmEvent> events, int index,
            boolean older) {
        return events.isEmpty() ? Optional.empty()
                : Optional.of(new Position(older, events.get(index).id()));
    }

    private ArrayNode senders(List<DmEvent> events) {
        Map<Long, TwitterAccount> senders = new LinkedHashMap<>();
        events.forEach(m -> accounts.byId(m.senderId())
                .ifPresent(a -> senders.putIfAbsent(a.id(), a)));
        ArrayNode users = TwitterJson.MAPPER.createArrayNode();
        senders.values().forEach(a -> users.add(V2Json.user(a)));
        return users;
    }

    private static int maxResults(String value) {
        if (!value.matches("[0-9]{1,3}") || Integer.parseInt(value) < 1
                || Integer.parseInt(value) > MAX_RESULTS) {
            throw TwitterApiError.of(400, "The `max_results` query parameter value [" + value
                    + "] is not between 1 and " + MAX_RESULTS);
        }
        return Integer.parseInt(value);
    }

    private static List<String> allowed(ApiRequest request, String name, Set<String> known) {
        List<String> values = request.commaList(name);
        values.stream().filter(v -> !known.contains(v)).findFirst().ifPresent(v -> {
            throw TwitterApiError.of(400, "The `" + name + "` query parameter value [" + v
                    + "] is not one of " + known);
        });
        return values;
    }

    private static long id(String value, String name) {
        if (!value.matches("[0-9]{1,19}")) {
            throw TwitterApiError.of(400, "The `" + name + "` value [" + value
                    + "] is not a numeric id");
        }
        return Long.parseLong(value);
    }

    private static String encode(Position position) {
        String raw = (position.older() ? "next:" : "prev:") + position.eventId();
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static Position decode(String token) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(token),
                    StandardCharsets.US_ASCII);
            if (raw.matches("(next|prev):[0-9]{1,19}")) {
                return new Position(raw.startsWith("next"), Long.parseLong(raw.substring(5)));
            }
        } catch (IllegalArgumentException e) {
            // answered below, as for a well-encoded token that is not ours
        }
        throw TwitterApiError.of(400, "The `pagination_token` query parameter value ["
                + token + "] is not valid");
    }
}
