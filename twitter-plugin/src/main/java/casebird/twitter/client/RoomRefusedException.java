package casebird.twitter.client;

import java.util.OptionalLong;

/**
 * X refused to create a group conversation (403). When it names a user, that member does
 * not accept group DMs and a room without them may still be made; when it names nobody,
 * X takes no rooms from the bot for now and the members are told one-to-one.
 */
public final class RoomRefusedException extends TwitterApiException {

    private final OptionalLong member;

    /** Creates the refusal of {@code call}, naming the refusing member if X did. */
    public RoomRefusedException(String message, OptionalLong member) {
        super(message, 403, -1, OptionalLong.empty(), null);
        this.member = member;
    }

    /** The participant who does not accept group DMs, if X named one. */
    public OptionalLong member() {
        return member;
    }
}
