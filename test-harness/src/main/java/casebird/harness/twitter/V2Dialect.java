package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Grants;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * X API v2: paths under {@code /2/}; an OAuth 2.0 user Bearer token with the call's scopes
 * or an OAuth 1.0a user signature (app-only Bearer tokens are refused); problem-format
 * errors.
 */
final class V2Dialect implements ApiDialect {

    private static final String BEARER = "bearer ";

    private final OAuthVerifier verifier;
    private final OAuth2Grants grants;
    private final AccountRegistry accounts;

    V2Dialect(OAuthVerifier verifier, OAuth2Grants grants, AccountRegistry accounts) {
        this.verifier = verifier;
        this.grants = grants;
        this.accounts = accounts;
    }

    @Override
    public Optional<Endpoint> route(String method, String rawPath) {
        return V2Route.route(method, rawPath).map(V2Route::endpoint);
    }

    @Override
    public TwitterAccount authenticate(Endpoint endpoint, ApiRequest request) {
        String header = request.authorization().orElse("");
        if (header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            return bearer(V2Route.of(endpoint), header.substring(BEARER.length()).trim());
        }
        return verifier.verify(request);
    }

    private TwitterAccount bearer(V2Route route, String token) {
        OAuth2Grants.Access access = grants.access(token)
                .orElseThrow(() -> TwitterApiError.of(401, "Unauthorized"));
        if (access.accountId().isEmpty()) {
            throw TwitterApiError.of(403, "Authenticating with OAuth 2.0 Application-Only is"
                    + " forbidden for this endpoint. Supported authentication types are"
                    + " [OAuth 1.0a User Context, OAuth 2.0 User Context].");
        }
        Set<String> missing = new TreeSet<>(route.scopes());
        missing.removeAll(access.scopes());
        if (!missing.isEmpty()) {
            throw TwitterApiError.of(403, "The token lacks the scopes this endpoint needs: "
                    + String.join(" ", missing));
        }
        return accounts.byId(access.accountId().getAsLong())
                .orElseThrow(() -> TwitterApiError.of(401, "Unauthorized"));
    }

    @Override
    public ApiResponse error(TwitterApiError error, ApiRequest request) {
        return V2Problems.answer(error, V2Route.participant(request));
    }

    @Override
    public String garbage() {
        return "{\"data\":[{\"id\":\"18";
    }
}
