package casebird.twitter.outbox;

import java.util.Locale;

/** Whom an outbox entry goes to: a CRM login, a Twitter screen name, or a Twitter user id. */
public record Recipient(Kind kind, String value) {

    /** How the recipient is named. */
    public enum Kind { LOGIN, SCREEN_NAME, TWITTER_ID }

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

    @Override
    public String toString() {
        return switch (kind) {
            case LOGIN -> value;
            case SCREEN_NAME -> "@" + value;
            case TWITTER_ID -> "id " + value;
        };
    }
}
