package casebird.harness.twitter.v2;

/**
 * What {@code GET /i/oauth2/authorize} asks for; any part may be null when the caller left
 * it out.
 */
public record AuthorizeRequest(String responseType, String clientId, String redirectUri,
        String scope, String state, String codeChallenge, String codeChallengeMethod) {
}
