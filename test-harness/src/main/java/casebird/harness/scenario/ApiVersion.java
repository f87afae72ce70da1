package casebird.harness.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The X API a world's plugin and fake speak: v2 (OAuth 2.0 or 1.0a) or v1.1 (1.0a). */
public enum ApiVersion {
    V1_1("v1.1"),
    V2("v2");

    /** The API of a world whose scenario names none and whose runner was given none. */
    public static final ApiVersion DEFAULT = V2;

    private final String word;

    ApiVersion(String word) {
        this.word = word;
    }

    /** The word scenario files and the plugin's {@code api} setting use. */
    public String word() {
        return word;
    }

    /** The word, as help texts show a default. */
    @Override
    public String toString() {
        return word;
    }

    /** The version a scenario word names, case-insensitively. */
    public static Optional<ApiVersion> fromWord(String word) {
        return Arrays.stream(values())
                .filter(v -> v.word.equals(word.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The APIs the project's scenario suite runs under: both. */
    public static ApiVersion[] suite() {
        return values();
    }
}
