package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * X API v2's {@code GET /2/users/by} and {@code GET /2/users?ids=} (partial results: unknown
 * names or ids in {@code errors} beside {@code data}) and {@code GET /2/users/me}; each user
 * returned is charged.
 */
final class V2UserEndpoints {

    private static final int MAX_NAMES = 100;
    private static final String NAME = "[A-Za-z0-9_]{1,15}";
    private static final String ID = "[0-9]{1,19}";

    private final AccountRegistry accounts;
    private final CostMeter meter;

    V2UserEndpoints(AccountRegistry accounts, CostMeter meter) {
        this.accounts = accounts;
        this.meter = meter;
    }

    /** Either lookup, both counted as {@code users-lookup}: by names or by ids. */
    ApiResponse lookup(TwitterAccount caller, ApiRequest request) {
        return request.signedUrl().getRawPath().endsWith("/2/users") ? usersByIds(request)
                : usersBy(request);
    }

    /** GET /2/users?ids=1,2: the users found, and an error for each id not. */
    private ApiResponse usersByIds(ApiRequest request) {
        List<String> ids = request.commaList("ids");
        if (ids.isEmpty() || ids.size() > MAX_NAMES) {
            throw TwitterApiError.of(400, "The `ids` query parameter needs 1 to " + MAX_NAMES
                    + " ids, not " + ids.size());
        }
        ids.stream().filter(id -> !id.matches(ID)).findFirst().ifPresent(id -> {
            throw TwitterApiError.of(400, "The `ids` query parameter value [" + id
                    + "] does not match ^" + ID + "$");
        });
        ArrayNode data = TwitterJson.MAPPER.createArrayNode();
        ArrayNode errors = TwitterJson.MAPPER.createArrayNode();
        for (String id : ids) {
            accounts.byId(Long.parseLong(id)).ifPresentOrElse(a -> data.add(charged(a)),
                    () -> errors.add(notFound("ids", id)));
        }
        return partial(data, errors);
    }

    /** GET /2/users/by?usernames=a,b: the users found, and an error for each name not. */
    private ApiResponse usersBy(ApiRequest request) {
        List<String> names = request.commaList("usernames");
        if (names.isEmpty() || names.size() > MAX_NAMES) {
            throw TwitterApiError.of(400, "The `usernames` query parameter needs 1 to "
                    + MAX_NAMES + " names, not " + names.size());
        }
        names.stream().filter(n -> !n.matches(NAME)).findFirst().ifPresent(n -> {
            throw TwitterApiError.of(400, "The `usernames` query parameter value [" + n
                    + "] does not match ^" + NAME + "$");
        });
        ArrayNode data = TwitterJson.MAPPER.createArrayNode();
        ArrayNode errors = TwitterJson.MAPPER.createArrayNode();
        for (String name : names) {
            Optional<TwitterAccount> found = accounts.byName(name);
            found.ifPresentOrElse(a -> data.add(charged(a)),
                    () -> errors.add(notFound("usernames", name)));
        }
        return partial(data, errors);
    }

    private static ApiResponse partial(ArrayNode data, ArrayNode errors) {
        ObjectNode body = TwitterJson.MAPPER.createObjectNode();
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

    private static ObjectNode notFound(String parameter, String value) {
        ObjectNode error = TwitterJson.MAPPER.createObjectNode();
        error.put("value", value);
        error.put("detail", "Could not find user with " + parameter + ": [" + value + "].");
        error.put("title", "Not Found Error");
        error.put("resource_type", "user");
        error.put("parameter", parameter);
        error.put("resource_id", value);
        error.put("type", "https://api.x.com/2/problems/resource-not-found");
        return error;
    }
}
