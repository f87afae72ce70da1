package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** A Twitter API call answered with a status other than success, with the answer's body. */
public final class TwitterHttpException extends IOException {

    private final int status;
    private final String body;

    /** An answer of {@code status} with {@code body} to a call of {@code what}. */
    public TwitterHttpException(String what, int status, String body) {
        super(what + " answered HTTP " + status + ": " + body);
        this.status = status;
        this.body = body;
    }

    /** The HTTP status answered. */
    public int status() {
        return status;
    }

    /** The body answered, usually Twitter's error JSON. */
    public String body() {
        return body;
    }

    /**
     * Why Twitter refused, from its error JSON: {@code message (HTTP 400, code 214)}; the raw
     * body when it holds no error.
     */
    public String reason() {
        JsonNode error;
        try {
            error = TwitterJson.MAPPER.readTree(body).path("errors").path(0);
        } catch (IOException e) {
            error = null;
        }
        if (error == null || !error.isObject()) {
            return body + " (HTTP " + status + ")";
        }
        return error.path("message").asText() + " (HTTP " + status + ", code "
                + error.path("code").asInt() + ")";
    }
}
