package casebird.twitter.client.v2;

import java.net.URI;

/** Gives each X API request its {@code Authorization} header: OAuth 2.0 or OAuth 1.0a. */
public interface RequestAuthorizer {

    /**
     * The header for a request to {@code uri} (query included; JSON bodies are not signed).
     *
     * @throws casebird.twitter.client.TwitterApiException when no header can be had, e.g.
     *     {@link AuthorizationLostException} once X refused the bot's refresh token
     */
    String authorization(String method, URI uri);

    /**
     * Called when X answered 401 to a request carrying {@code rejected}: returns whether a
     * new header is worth one more try (an OAuth 2.0 source refreshes its token here).
     */
    default boolean renew(String rejected) {
        return false;
    }
}
