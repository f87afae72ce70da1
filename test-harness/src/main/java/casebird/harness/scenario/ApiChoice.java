package casebird.harness.scenario;

/** The API a world's plugin speaks and how it authenticates as the bot. */
public record ApiChoice(ApiVersion api, AuthScheme auth) {

    /**
     * Checks the pair.
     *
     * @throws IllegalStateException for OAuth 2.0 under v1.1, which takes only 1.0a keys
     */
    public ApiChoice {
        if (api == ApiVersion.V1_1 && auth == AuthScheme.OAUTH2) {
            throw new IllegalStateException("'auth oauth2' needs 'api v2': v1.1 takes only"
                    + " the OAuth 1.0a keys");
        }
    }
}
