package casebird.harness.twitter.v2;

/** An OAuth 2.0 request the fake's authorization server refuses, as OAuth's error names it. */
public final class OAuth2Refusal extends RuntimeException {

    private final String error;

    /** A refusal with OAuth's error code (e.g. {@code invalid_request}) and a description. */
    public OAuth2Refusal(String error, String description) {
        super(description);
        this.error = error;
    }

    /** Refuses with {@code invalid_request} and the description unless the condition holds. */
    static void require(boolean condition, String description) {
        if (!condition) {
            throw new OAuth2Refusal("invalid_request", description);
        }
    }

    /** OAuth's error code, the answer's {@code error}. */
    public String error() {
        return error;
    }
}
