package casebird.harness.twitter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A refusal of an X Activity API or v2 webhook call, already worded as X's problem answer
 * (some name a user, some carry a title of their own such as {@code TooManyConnections}).
 */
final class XaaProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;
    static final String PROBLEMS = "https://api.x.com/2/problems/";

    private final transient ApiResponse answer;

    private XaaProblem(ObjectNode body) {
        super(body.path("detail").asText());
        this.answer = new ApiResponse(body.path("status").asInt(), Map.of(), body.toString());
    }

    /** A 400 {@code invalid-request} saying what is wrong. */
    static XaaProblem invalid(String detail) {
        return of(400, "invalid-request", detail);
    }

    /** A problem of an X problem type (the last part of its {@code type} URL). */
    static XaaProblem of(int status, String type, String detail) {
        return new XaaProblem(V2Problems.problem(status, PROBLEMS + type, detail));
    }

    /** A problem with a title of its own, as X words some refusals. */
    static XaaProblem titled(int status, String title, String detail) {
        ObjectNode body = V2Problems.problem(status, "about:blank", detail);
        body.put("title", title);
        return new XaaProblem(body);
    }

    /** A 403 {@code not-authorized-for-resource} naming the user it is about. */
    static XaaProblem aboutUser(long userId, String detail) {
        ObjectNode body = V2Problems.problem(403, PROBLEMS + "not-authorized-for-resource",
                detail);
        body.put("resource_type", "user");
        body.put("resource_id", Long.toString(userId));
        return new XaaProblem(body);
    }

    /** The answer carrying this problem. */
    ApiResponse answer() {
        return answer;
    }
}
