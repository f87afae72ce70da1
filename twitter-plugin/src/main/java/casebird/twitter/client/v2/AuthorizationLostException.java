package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.util.OptionalLong;

/**
 * X no longer accepts the bot's OAuth 2.0 authorization (it refused the refresh token, or
 * answered 401 right after a refresh): calls stop until an admin authorizes the bot again.
 * Callers of the port see rejected credentials (status 401).
 */
public final class AuthorizationLostException extends TwitterApiException {

    /** Creates the failure; {@code what} says what X refused and must hold no token. */
    public AuthorizationLostException(String what) {
        super(what + "; authorize the bot again", 401, -1, OptionalLong.empty(), null);
    }
}
