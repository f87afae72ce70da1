package casebird.twitter.client;

/**
 * The API in use has no group conversations (X API v1.1): a room operation was asked of an
 * adapter that cannot make it. Rules that notify a queue's room need {@code api=v2}.
 */
public final class NoRoomsException extends UnsupportedOperationException {

    /** Creates the exception naming the API that lacks rooms. */
    public NoRoomsException(String api) {
        super(api + " has no group conversations: rooms (to=queue-room) need api=v2");
    }
}
