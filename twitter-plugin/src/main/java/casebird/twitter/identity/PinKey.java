package casebird.twitter.identity;

import java.util.Optional;

/**
 * The store's keys of pinned screen names: one per CRM user and name, so a name pinned for
 * one user is looked up afresh for another, and one per name a rule sends to. A key with
 * neither prefix was written by an older plugin, which pinned a name for everyone at once.
 */
final class PinKey {

    private static final String USER = "user:";
    private static final String RULE = "rule:";

    private PinKey() {}

    /** The key of a name in a CRM user's handle field; a screen name never holds a colon. */
    static String user(String login, String name) {
        return USER + name + ":" + login;
    }

    /** The key of a bare number in a CRM user's handle field: an account id, pinned to itself. */
    static String number(String login, long id) {
        return user(login, "#" + id);
    }

    /** The key of a screen name a rule names as a recipient. */
    static String recipient(String name) {
        return RULE + name;
    }

    /** The name an older plugin's key pinned, if the key is one of those. */
    static Optional<String> legacyName(String key) {
        return key.startsWith(USER) || key.startsWith(RULE) ? Optional.empty() : Optional.of(key);
    }

    /** Whether the key belongs to a CRM user's field value. */
    static boolean isUser(String key) {
        return key.startsWith(USER);
    }
}
