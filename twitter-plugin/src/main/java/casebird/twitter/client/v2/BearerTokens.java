package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The bot's OAuth 2.0 access token for X API calls ({@code auth=oauth2}): refreshed a margin
 * before it expires, and once more when X answers 401 to it.
 *
 * <p>Each refresh's tokens are saved to the {@link OAuth2TokenStore} before the new access
 * token is used: X spends the old refresh token at once, so a crash must find the new one
 * stored. When X refuses the refresh token every call fails with
 * {@link AuthorizationLostException}, without asking X again, until the store holds tokens
 * of a new authorization. Thread-safe: one refresh at a time, as single-use tokens need.
 */
public final class BearerTokens implements RequestAuthorizer {

    private static final String BEARER = "Bearer ";

    private final TokenEndpoint endpoint;
    private final OAuth2TokenStore store;
    private final Optional<String> seedRefreshToken;
    private final Clock clock;
    private final Duration refreshMargin;
    private OAuth2Tokens current;
    private OAuth2Tokens unsaved;
    private String refusedRefreshToken;

    /**
     * Creates the source.
     *
     * @param seedRefreshToken the refresh token to start from while the store holds none
     *     (the {@code oauth2-refresh-token} setting)
     * @param refreshMargin how long before its expiry an access token is replaced; it must
     *     be shorter than X's token lifetime (2 h)
     */
    public BearerTokens(TokenEndpoint endpoint, OAuth2TokenStore store,
            Optional<String> seedRefreshToken, Clock clock, Duration refreshMargin) {
        this.endpoint = endpoint;
        this.store = store;
        this.seedRefreshToken = seedRefreshToken;
        this.clock = clock;
        this.refreshMargin = refreshMargin;
    }

    @Override
    public synchronized String authorization(String method, URI uri) {
        return BEARER + fresh().accessToken();
    }

    /** Refreshes when {@code rejected} still carries the current token; always worth a retry. */
    @Override
    public synchronized boolean renew(String rejected) {
        OAuth2Tokens tokens = fresh();
        if ((BEARER + tokens.accessToken()).equals(rejected)) {
            refresh(tokens);
        }
        return true;
    }

    private OAuth2Tokens fresh() {
        if (unsaved != null) {
            adopt(unsaved);
        }
        if (current == null) {
            current = stored();
        }
        Instant now = clock.instant();
        if (!now.isBefore(current.expiresAt().minus(refreshMargin))) {
            try {
                refresh(current);
            } catch (AuthorizationLostException e) {
                throw e;
            } catch (TwitterApiException e) {
                if (!now.isBefore(current.expiresAt())) {
                    throw e;
                }
                // X could not refresh just now: the token in hand still works a while.
            }
        }
        return current;
    }

    private OAuth2Tokens stored() {
        OAuth2Tokens tokens = store.load()
                .or(() -> seedRefreshToken.map(OAuth2Tokens::refreshOnly))
                .orElseThrow(() -> new AuthorizationLostException(
                        "the bot has no OAuth 2.0 authorization yet"));
        if (tokens.refreshToken().equals(refusedRefreshToken)) {
            throw new AuthorizationLostException("X refused the bot's refresh token earlier");
        }
        return tokens;
    }

    private void refresh(OAuth2Tokens old) {
        OAuth2Tokens next;
        try {
            next = endpoint.refresh(old.refreshToken());
        } catch (AuthorizationLostException e) {
            refusedRefreshToken = old.refreshToken();
            current = null;
            throw e;
        }
        unsaved = next;
        adopt(next);
    }

    private void adopt(OAuth2Tokens next) {
        store.save(next);
        current = next;
        unsaved = null;
    }
}
