package casebird.harness.twitter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/**
 * Words the fake's errors in X API v2's problem format. A refusal is about one recipient
 * only when it names that user: v1.1 codes 349 and 150 (the recipient accepts no DM from
 * the sender) become a 403 {@code not-authorized-for-resource}, codes 50 and 108 (no such
 * user) a 404 {@code resource-not-found}, each naming the send's participant.
 */
final class V2Problems {

    static final String PROBLEMS = "https://api.x.com/2/problems/";
    private static final Map<Integer, String> TITLES = Map.of(400, "Invalid Request",
            401, "Unauthorized", 403, "Forbidden", 404, "Not Found Error",
            429, "Too Many Requests", 500, "Internal Server Error", 502, "Bad Gateway",
            503, "Service Unavailable", 504, "Gateway Timeout");

    private V2Problems() {
    }

    /** The answer carrying an error; {@code participant} is the user a send names, if any. */
    static ApiResponse answer(TwitterApiError error, Optional<String> participant) {
        int code = error.code().orElse(0);
        ObjectNode body;
        if (participant.isPresent() && (code == 349 || code == 150)) {
            body = aboutUser(403, "not-authorized-for-resource", participant.get(),
                    "You are not allowed to send a Direct Message to this user.");
        } else if (participant.isPresent() && (code == 50 || code == 108)) {
            body = aboutUser(404, "resource-not-found", participant.get(),
                    "Could not find user with participant_id: [" + participant.get() + "].");
        } else if (error.status() == 400) {
            body = problem(400, PROBLEMS + "invalid-request",
                    "One or more parameters to your request was invalid.");
            body.putArray("errors").addObject().put("message", error.getMessage());
        } else if (error.status() == 404) {
            body = problem(404, PROBLEMS + "resource-not-found", error.getMessage());
        } else {
            body = problem(error.status(), "about:blank", detail(error));
        }
        return new ApiResponse(body.path("status").asInt(), error.headers(), body.toString());
    }

    /** A problem naming no user, e.g. a refused scope: {@code detail} says what is wrong. */
    static ObjectNode problem(int status, String type, String detail) {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        body.put("title", title(status));
        body.put("detail", detail);
        body.put("type", type);
        body.put("status", status);
        return body;
    }

    private static ObjectNode aboutUser(int status, String type, String userId, String detail) {
        ObjectNode body = problem(status, PROBLEMS + type, detail);
        body.put("resource_type", "user");
        body.put("resource_id", userId);
        return body;
    }

    /** The fake's own v2 refusals say why; a v1.1-coded error or a bare fault says its title. */
    private static String detail(TwitterApiError error) {
        boolean own = error.code().isEmpty()
                && !error.getMessage().equals("HTTP " + error.status());
        return own ? error.getMessage() : title(error.status());
    }

    private static String title(int status) {
        return TITLES.getOrDefault(status, "HTTP " + status);
    }
}
