package casebird.twitter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurabilitySettingsTest {

    private static Map<String, String> credentialsAnd(Map<String, String> more) {
        Map<String, String> raw = new HashMap<>(Map.of("consumer-key", "ck",
                "consumer-secret", "cs", "access-token", "at", "access-token-secret", "ats"));
        raw.putAll(more);
        return raw;
    }

    @Test
    void deletingHandledDmsAndSyncAreOffByDefault() {
        PluginSettings s = PluginSettings.from(credentialsAnd(Map.of()));

        assertFalse(s.inbox().deleteHandled());
        assertFalse(s.sync());
        assertEquals(Duration.ofMinutes(2), s.inbox().catchUpMargin());
        assertEquals(Duration.ofMinutes(1), s.inbox().deleteInterval());
    }

    @Test
    void flagsAreReadCaseInsensitively() {
        PluginSettings s = PluginSettings.from(credentialsAnd(Map.of(
                "delete-handled", "TRUE", "sync", "true", "catch-up-margin", "2s")));

        assertTrue(s.inbox().deleteHandled());
        assertTrue(s.sync());
        assertEquals(Duration.ofSeconds(2), s.inbox().catchUpMargin());
    }

    @Test
    void aFlagThatIsNeitherTrueNorFalseIsNamed() {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> PluginSettings.from(credentialsAnd(Map.of("sync", "yes"))));

        assertTrue(e.getMessage().contains("setting 'sync' must be true or false: 'yes'"),
                e.getMessage());
    }
}
