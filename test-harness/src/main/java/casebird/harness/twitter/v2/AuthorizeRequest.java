package casebird.harness.twitter.v2;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code GET /i/oauth2/authorize} asks for; any part may be null when the caller left
 * it out.
 */
public record AuthorizeRequest(String responseType, String clientId, String redirectUri,
        String scope, String state, String codeChallenge, String codeChallengeMethod) {

    /**
     * The scopes asked for, once the request's own parts are checked (not whether its client
     * and redirect URI are registered: the server knows that).
     *
     * @throws OAuth2Refusal naming the first part missing or malformed
     */
    Set<String> checkedScopes() {
        OAuth2Refusal.require("code".equals(responseType), "response_type must be code");
        OAuth2Refusal.require(present(state), "state is missing");
        OAuth2Refusal.require(present(codeChallenge), "code_challenge is missing");
        OAuth2Refusal.require("S256".equals(codeChallengeMethod),
                "code_challenge_method must be S256");
        OAuth2Refusal.require(present(scope), "scope is missing");
        Set<String> scopes = Arrays.stream(scope.trim().split(" +"))
                .collect(Collectors.toSet());
        Set<String> unknown = new HashSet<>(scopes);
        unknown.removeAll(OAuth2Server.SCOPES);
        OAuth2Refusal.require(unknown.isEmpty(), "scope names unknown scopes: " + unknown);
        return scopes;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
