package casebird.harness.scenario;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The X API a world's plugin and fake speak: v2 (OAuth 2.0 or 1.0a) or v1.1 (1.0a). */
public enum ApiVersion {
    V1_1("v1.1"),
    V2("v2");

    /**
     * Whether the plugin reads the {@code api} and {@code auth} settings: it does since
     * issue 13 wired them, so worlds default to v2, as SCENARIOS.md says, hand every plugin
     * its {@code api} and {@code auth}, and the scenario suite runs under both APIs.
     */
    public static final boolean PLUGIN_SPEAKS_V2 = true;

    /** The API of a world whose scenario names none and whose runner was given none. */
    public static final ApiVersion DEFAULT = PLUGIN_SPEAKS_V2 ? V2 : V1_1;

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

    /** The APIs the project's scenario suite runs under. */
    public static ApiVersion[] suite() {
        return PLUGIN_SPEAKS_V2 ? values() : new ApiVersion[] {V1_1};
    }
}
