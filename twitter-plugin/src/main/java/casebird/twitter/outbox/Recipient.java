package casebird.twitter.outbox;

import java.util.Locale;

/**
 * Whom an outbox entry goes to: a CRM login, a Twitter screen name, a Twitter user id, the
 * room of a CRM queue (its current group conversation, made when needed), or one group
 * conversation by its id.
 */
public record Recipient(Kind kind, String value) {

    /** How the recipient is named. */
    public enum Kind { LOGIN, SCREEN_NAME, TWITTER_ID, QUEUE_ROOM, CONVERSATION }

    /** A CRM user, mapped to Twitter through the handle field when the entry is sent. */
    public static Recipient login(String login) {
        return new Recipient(Kind.LOGIN, login);
    }

    /** A Twitter screen name, with or without its {@code @}. */
    public static Recipient screenName(String name) {
        String bare = name.startsWith("@") ? name.substring(1) : name;
        return new Recipient(Kind.SCREEN_NAME, bare.toLowerCase(Locale.ROOT));
    }

    /** A Twitter account by its immutable numeric id. */
    public static Recipient twitterId(long id) {
        return new Recipient(Kind.TWITTER_ID, Long.toString(id));
    }

    /** The room of a CRM queue: its current group conversation, opened when needed. */
    public static Recipient queueRoom(String queue) {
        return new Recipient(Kind.QUEUE_ROOM, queue);
    }

    /** One group conversation, e.g. the room a command came from. */
    public static Recipient conversation(long conversationId) {
        return new Recipient(Kind.CONVERSATION, Long.toString(conversationId));
    }

    /** Whether the entry goes to a group conversation rather than one account. */
    public boolean isRoom() {
        return kind == Kind.QUEUE_ROOM || kind == Kind.CONVERSATION;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case LOGIN -> value;
            case SCREEN_NAME -> "@" + value;
            case TWITTER_ID -> "id " + value;
            case QUEUE_ROOM -> "the room of queue " + value;
            case CONVERSATION -> "group conversation " + value;
        };
    }
}
