package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * X API v2's group DM calls, both counted as {@code dm-room-send}: {@code POST
 * /2/dm_conversations} makes a group with its first message, {@code POST
 * /2/dm_conversations/:id/messages} posts to one; each costs one DM sent.
 */
final class GroupEndpoints {

    /** X's bounds on the other participants of a new group. */
    static final int MIN_OTHERS = 2;
    static final int MAX_OTHERS = 49;

    private final GroupConversations groups;
    private final CostMeter meter;

    GroupEndpoints(GroupConversations groups, CostMeter meter) {
        this.groups = groups;
        this.meter = meter;
    }

    /**
     * POST /2/dm_conversations: 201 with the group's id and its first message's; a 403
     * naming the first member who does not accept group DMs, and no group, when one does not.
     */
    ApiResponse create(TwitterAccount caller, ApiRequest request) {
        JsonNode body = parse(request.body());
        if (!body.path("conversation_type").asText("").equals("Group")) {
            throw TwitterApiError.of(400, "The `conversation_type` value ["
                    + body.path("conversation_type").asText("") + "] is not one of [Group]");
        }
        List<Long> others = participants(body.path("participant_ids"));
        JsonNode text = body.path("message").path("text");
        if (!text.isTextual()) {
            throw TwitterApiError.of(400, "The request body needs a `message` with a `text`.");
        }
        GroupEvent first;
        try {
            first = groups.create(caller.id(), others, text.asText());
        } catch (GroupConversations.RefusedException e) {
            ObjectNode problem = V2Problems.problem(403, V2Problems.PROBLEMS
                    + "not-authorized-for-resource",
                    "You are not allowed to add this user to a group Direct Message.");
            problem.put("resource_type", "user");
            problem.put("resource_id", Long.toString(e.userId()));
            return new ApiResponse(403, Map.of(), problem.toString());
        }
        return sent(first);
    }

    /** POST /2/dm_conversations/:id/messages: 201; 403 naming no user for a non-member. */
    ApiResponse post(TwitterAccount caller, ApiRequest request) {
        String id = V2Route.conversationId(request).orElseThrow();
        return sent(groups.post(caller.id(), id, V2Json.parseText(request.body())));
    }

    private ApiResponse sent(GroupEvent message) {
        meter.charge(CostMeter.Price.DM_SENT, Long.toString(message.id()));
        ObjectNode data = TwitterJson.MAPPER.createObjectNode()
                .put("dm_conversation_id", message.conversationId())
                .put("dm_event_id", Long.toString(message.id()));
        return new ApiResponse(201, Map.of(), V2Json.data(data).toString());
    }

    private static List<Long> participants(JsonNode ids) {
        if (!ids.isArray()) {
            throw TwitterApiError.of(400, "The request body needs `participant_ids`, an array"
                    + " of user ids.");
        }
        List<Long> others = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isTextual() || !id.asText().matches("[0-9]{1,19}")) {
                throw TwitterApiError.of(400, "The `participant_ids` value [" + id
                        + "] is not a numeric id");
            }
            others.add(Long.parseLong(id.asText()));
        }
        if (others.size() < MIN_OTHERS || others.size() > MAX_OTHERS) {
            throw TwitterApiError.of(400, "`participant_ids` must name " + MIN_OTHERS + " to "
                    + MAX_OTHERS + " users, not " + others.size());
        }
        return others;
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode json = TwitterJson.MAPPER.readTree(body);
            if (json != null && json.isObject()) {
                return json;
            }
        } catch (JsonProcessingException e) {
            // answered below
        }
        throw TwitterApiError.of(400, "The request body is not a JSON object.");
    }
}
