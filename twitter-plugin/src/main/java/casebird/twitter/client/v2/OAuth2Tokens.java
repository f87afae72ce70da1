package casebird.twitter.client.v2;

import java.time.Instant;

/**
 * The bot's OAuth 2.0 tokens: the access token, when it expires, and the single-use refresh
 * token that gets the next pair. {@link #toString()} names no token.
 */
public record OAuth2Tokens(String accessToken, String refreshToken, Instant expiresAt) {

    /** Tokens holding only a refresh token (a seed from the settings): refreshed at once. */
    public static OAuth2Tokens refreshOnly(String refreshToken) {
        return new OAuth2Tokens("", refreshToken, Instant.EPOCH);
    }

    @Override
    public String toString() {
        return "OAuth2Tokens[expiresAt=" + expiresAt + "]";
    }
}
