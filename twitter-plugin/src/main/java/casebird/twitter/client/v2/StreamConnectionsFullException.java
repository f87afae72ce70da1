package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.util.OptionalLong;

/**
 * X refused a stream connection because the app has as many open as it may (429
 * {@code TooManyConnections}), typically one of a stopped instance X has not yet counted
 * as closed. That is a limit on open connections, not a spent rate limit: it frees as soon
 * as a connection closes, so it is retried with backoff instead of waiting out a window.
 */
public final class StreamConnectionsFullException extends TwitterApiException {

    private static final long serialVersionUID = 1L;

    /** The title X gives the problem. */
    static final String TITLE = "TooManyConnections";

    StreamConnectionsFullException(TwitterApiException refusal) {
        super(refusal.reason(), refusal.status(), refusal.errorCode(), OptionalLong.empty(),
                refusal);
    }

    /** Not a rate limit: no window is spent. */
    @Override
    public boolean rateLimited() {
        return false;
    }
}
