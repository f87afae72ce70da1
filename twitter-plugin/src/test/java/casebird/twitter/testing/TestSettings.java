package casebird.twitter.testing;

import casebird.twitter.config.PluginSettings;
import java.util.HashMap;
import java.util.Map;

/** Plugin settings for tests: made-up credentials, the given settings and the defaults. */
public final class TestSettings {

    private TestSettings() {}

    /** The settings read from {@code overrides} plus made-up credentials. */
    public static PluginSettings from(Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(overrides);
        raw.putAll(Map.of("consumer-key", "ck", "consumer-secret", "cs", "access-token", "at",
                "access-token-secret", "ats"));
        return PluginSettings.from(raw);
    }
}
