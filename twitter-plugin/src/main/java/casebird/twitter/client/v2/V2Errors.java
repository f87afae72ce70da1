package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Turns X API v2 error answers (the problem format, or an {@code errors} array) into the
 * {@link TwitterApiException} facts the v1.1 adapter raises, so callers need not know the
 * API: a refusal that names the recipient gets v1.1's code for it (403: 349, "cannot send
 * messages to this user"; 404: 50, "user not found"); every other answer keeps its status,
 * and a numeric {@code errors[].code} (88 on some 429s) is kept as the error code.
 */
final class V2Errors {

    private static final String RESOURCE_DENIED = "not-authorized-for-resource";
    private static final String RESOURCE_MISSING = "resource-not-found";

    private V2Errors() {}

    /**
     * The failure an error answer means.
     *
     * @param call the call as logs name it, e.g. {@code POST /2/dm_conversations/with/:id}
     * @param recipient the user the call sends to, when it sends: only a problem naming
     *     that user makes the failure about the recipient
     */
    static TwitterApiException failure(String call, HttpAnswer answer, OptionalLong recipient) {
        List<JsonObject> problems = problems(answer);
        int code = problems.stream().map(p -> p.number("code")).filter(OptionalLong::isPresent)
                .mapToInt(n -> (int) n.getAsLong()).findFirst().orElse(-1);
        if (recipient.isPresent() && namesRecipient(problems, answer.status(),
                Long.toString(recipient.getAsLong()))) {
            code = answer.status() == 403 ? 349 : 50;
        }
        String why = problems.stream().map(V2Errors::words).flatMap(Optional::stream)
                .findFirst().orElse("no readable error");
        return new TwitterApiException(call + " failed: " + why, answer.status(), code,
                answer.number("x-rate-limit-reset"), null);
    }

    /** A successful answer whose body could not be read: retryable, as a v1.1 200 is. */
    static TwitterApiException unreadable(String call, IOException cause) {
        return new TwitterApiException(call + " answered what is not X's JSON: "
                + cause.getMessage(), 200, -1, OptionalLong.empty(), cause);
    }

    /** The problems of an answer: the top-level problem and each of {@code errors}. */
    static List<JsonObject> problems(HttpAnswer answer) {
        List<JsonObject> problems = new ArrayList<>();
        try {
            JsonObject body = JsonObject.parse(answer.body());
            if (body.text("type").isPresent() || body.text("title").isPresent()) {
                problems.add(body);
            }
            problems.addAll(body.objects("errors"));
        } catch (IOException notJson) {
            return List.of();
        }
        return problems;
    }

    /** The user a 403 {@code not-authorized-for-resource} problem names, if any. */
    static OptionalLong deniedUser(HttpAnswer answer) {
        return problems(answer).stream()
                .filter(p -> p.text("type").orElse("").endsWith("/" + RESOURCE_DENIED)
                        && p.text("resource_type").orElse("user").equals("user"))
                .map(p -> p.text("resource_id").orElse(""))
                .filter(id -> id.matches("\\d{1,19}"))
                .mapToLong(Long::parseLong).findFirst();
    }

    private static boolean namesRecipient(List<JsonObject> problems, int status, String id) {
        String type = status == 403 ? RESOURCE_DENIED : status == 404 ? RESOURCE_MISSING : null;
        return type != null && problems.stream().anyMatch(p ->
                p.text("type").orElse("").endsWith("/" + type)
                        && p.text("resource_type").orElse("user").equals("user")
                        && p.text("resource_id").orElse("").equals(id));
    }

    private static Optional<String> words(JsonObject problem) {
        return problem.text("detail").or(() -> problem.text("message"))
                .or(() -> problem.text("title"));
    }
}
