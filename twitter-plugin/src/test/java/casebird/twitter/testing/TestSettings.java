package casebird.twitter.testing;

import casebird.twitter.config.PluginSettings;
import java.util.HashMap;
import java.util.Map;

/**
 * Plugin settings for tests: made-up OAuth 1.0a keys, X API v1.1 unless {@code api} is given,
 * the given settings and the defaults.
 */
public final class TestSettings {

    private TestSettings() {}

    /** The settings read from {@code overrides} plus made-up credentials, v1.1 by default. */
    public static PluginSettings from(Map<String, String> overrides) {
        Map<String, String> raw = new HashMap<>(overrides);
        raw.putIfAbsent("api", "v1.1");
        raw.putAll(Map.of("consumer-key", "ck", "consumer-secret", "cs", "access-token", "at",
                "access-token-secret", "ats"));
        return PluginSettings.from(raw);
    }
}
