package casebird.harness.twitter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** users/lookup, users/show and account/verify_credentials. */
final class UserEndpoints {

    private final AccountRegistry accounts;

    UserEndpoints(AccountRegistry accounts) {
        this.accounts = accounts;
    }

    /** GET users/lookup.json: the users found among screen_name and user_id lists. */
    ApiResponse lookup(TwitterAccount caller, ApiRequest request) {
        Map<Long, TwitterAccount> found = new LinkedHashMap<>();
        for (String name : request.commaList("screen_name")) {
            accounts.byName(name).ifPresent(a -> found.put(a.id(), a));
        }
        for (String id : request.commaList("user_id")) {
            parseId(id).flatMap(accounts::byId).ifPresent(a -> found.put(a.id(), a));
        }
        if (found.isEmpty()) {
            throw TwitterApiError.of(404, 17);
        }
        ArrayNode users = TwitterJson.MAPPER.createArrayNode();
        found.values().forEach(a -> users.add(TwitterJson.user(a, accounts.createdAt(a.id()))));
        return new ApiResponse(200, Map.of(), users.toString());
    }

    /** GET users/show.json: one user by user_id or screen_name. */
    ApiResponse show(TwitterAccount caller, ApiRequest request) {
        Optional<TwitterAccount> user = request.param("user_id").flatMap(UserEndpoints::parseId)
                .flatMap(accounts::byId)
                .or(() -> request.param("screen_name").flatMap(accounts::byName));
        if (request.param("user_id").isEmpty() && request.param("screen_name").isEmpty()) {
            throw TwitterApiError.of(400, 38, "user_id or screen_name parameter is missing.");
        }
        return user.map(this::userResponse).orElseThrow(() -> TwitterApiError.of(404, 50));
    }

    /** GET account/verify_credentials.json: the caller's own user. */
    ApiResponse verifyCredentials(TwitterAccount caller, ApiRequest request) {
        return userResponse(caller);
    }

    private ApiResponse userResponse(TwitterAccount account) {
        return ApiResponse.json(TwitterJson.user(account, accounts.createdAt(account.id())));
    }

    private static Optional<Long> parseId(String value) {
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
