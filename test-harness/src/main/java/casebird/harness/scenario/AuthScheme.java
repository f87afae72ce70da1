package casebird.harness.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How the plugin authenticates as the bot: OAuth 2.0 user tokens or the OAuth 1.0a keys. */
public enum AuthScheme {
    OAUTH1("oauth1"),
    OAUTH2("oauth2");

    private final String word;

    AuthScheme(String word) {
        this.word = word;
    }

    /** The word scenario files and the plugin's {@code auth} setting use. */
    public String word() {
        return word;
    }

    /** The scheme a scenario word names, case-insensitively. */
    public static Optional<AuthScheme> fromWord(String word) {
        return Arrays.stream(values())
                .filter(s -> s.word.equals(word.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The scheme an API uses when a scenario names none: OAuth 2.0 for v2, 1.0a for v1.1. */
    public static AuthScheme defaultFor(ApiVersion api) {
        return api == ApiVersion.V2 ? OAUTH2 : OAUTH1;
    }
}
