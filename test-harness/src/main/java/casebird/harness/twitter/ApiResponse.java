package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** An answer of the fake API; status 0 means "close the connection without answering". */
record ApiResponse(int status, Map<String, String> headers, String body) {

    static final ApiResponse RESET = new ApiResponse(0, Map.of(), "");

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(JsonNode body) {
        return new ApiResponse(200, Map.of(), body.toString());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "");
    }

    static ApiResponse error(TwitterApiError error) {
        return new ApiResponse(error.status(), error.headers(),
                TwitterJson.errors(error).toString());
    }

    ApiResponse withHeaders(Map<String, String> extra) {
        Map<String, String> all = new HashMap<>(headers);
        all.putAll(extra);
        return new ApiResponse(status, all, body);
    }
}
