package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * X API v2's {@code GET /2/users/by} (a partial result: unknown names in {@code errors}
 * beside {@code data}) and {@code GET /2/users/me}; each user returned is charged.
 */
final class V2UserEndpoints {

    private static final int MAX_NAMES = 100;
    private static final String NAME = "[A-Za-z0-9_]{1,15}";

    private final AccountRegistry accounts;
    private final CostMeter meter;

    V2UserEndpoints(AccountRegistry accounts, CostMeter meter) {
        this.accounts = accounts;
        this.meter = meter;
    }

    /** GET /2/users/by?usernames=a,b: the users found, and an error for each name not. */
    ApiResponse usersBy(TwitterAccount caller, ApiRequest request) {
        List<String> names = request.commaList("usernames");
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw TwitterApiError.of(400, "The `usernames` query parameter needs 1 to "
                    + MAX_NAMES + " names, not " + names.size());
        }
        names.stream().filter(n -> !n.matches(NAME)).findFirst().ifPresent(n -> {
            throw TwitterApiError.of(400, "The `usernames` query parameter value [" + n
                    + "] does not match ^" + NAME + "$");
        });
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
        ArrayNode data = TwitterJson.MAPPER.createArrayNode();
        ArrayNode errors = TwitterJson.MAPPER.createArrayNode();
        for (String name : names) {
            Optional<TwitterAccount> found = accounts.byName(name);
            found.ifPresentOrElse(a -> data.add(charged(a)), () -> errors.add(notFound(name)));
        }
        if (!data.isEmpty()) {
            body.set("data", data);
        }
        if (!errors.isEmpty()) {
            body.set("errors", errors);
        }
        return ApiResponse.json(body);
    }

    /** GET /2/users/me: the caller. */
    ApiResponse me(TwitterAccount caller, ApiRequest request) {
        return ApiResponse.json(V2Json.data(charged(caller)));
    }

    private ObjectNode charged(TwitterAccount account) {
        meter.charge(CostMeter.Price.USER_READ, Long.toString(account.id()));
        return V2Json.user(account);
    }

    private static ObjectNode notFound(String name) {
        ObjectNode error = TwitterJson.MAPPER.createObjectNode();
        error.put("value", name);
        error.put("detail", "Could not find user with usernames: [" + name + "].");
        error.put("title", "Not Found Error");
        error.put("resource_type", "user");
        error.put("parameter", "usernames");
        error.put("resource_id", name);
        error.put("type", "https://api.x.com/2/problems/resource-not-found");
        return error;
    }
}
