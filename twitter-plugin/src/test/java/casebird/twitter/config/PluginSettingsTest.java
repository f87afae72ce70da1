package casebird.twitter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginSettingsTest {

    private static Map<String, String> credentials() {
        return new HashMap<>(Map.of("consumer-key", "ck", "consumer-secret", "cs",
                "access-token", "at", "access-token-secret", "ats"));
    }

    @Test
    void defaultsApplyWhenOnlyCredentialsAreGiven() {
        PluginSettings s = PluginSettings.from(credentials());

        assertEquals("https://api.x.com/", s.api().baseUrl());
        assertEquals("twitter", s.handleField());
        assertEquals(Duration.ofSeconds(60), s.polling().interval());
        assertEquals(Duration.ofMinutes(5), s.retry().cap());
        assertEquals(Duration.ofHours(24), s.unlinkedReplies().interval());
        assertEquals(50, s.unlinkedReplies().dailyCap());
    }

    @Test
    void harnessStyleValuesAndTwitter4jAliasesAreAccepted() {
        Map<String, String> raw = new HashMap<>(Map.of("oauth.consumerKey", "ck",
                "oauth.consumerSecret", "cs", "oauth.accessToken", "at",
                "oauth.accessTokenSecret", "ats", "api-base-url", "http://127.0.0.1:8080/1.1",
                "poll-interval", "1s", "retry-base", "100ms", "http-timeout", "PT5S"));

        PluginSettings s = PluginSettings.from(raw);

        assertEquals("ck", s.credentials().orElseThrow().consumerKey());
        assertEquals("http://127.0.0.1:8080/1.1/", s.api().baseUrl());
        assertEquals(Duration.ofMillis(100), s.retry().base());
        assertEquals(Duration.ofSeconds(5), s.api().httpTimeout());
    }

    @Test
    void everyBadSettingIsNamedInOneException() {
        Map<String, String> raw = credentials();
        raw.remove("consumer-secret");
        raw.put("poll-interval", "soon");
        raw.put("unlinked-reply-daily-cap", "-1");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(List.of(
                "setting 'consumer-secret' (or 'oauth.consumerSecret') is missing: the Twitter"
                        + " app's consumer secret (API secret)",
                "setting 'poll-interval' is not a positive duration like 500ms, 2s, 1m, 1h or"
                        + " PT2S: 'soon'",
                "setting 'unlinked-reply-daily-cap' is not a whole number >= 0: '-1'"),
                e.problems());
    }

    @Test
    void deliveryMaxAgeIsTwoDaysUnlessSetAndMustBeAPositiveDuration() {
        Map<String, String> raw = credentials();
        assertEquals(Duration.ofDays(2), PluginSettings.from(raw).push().deliveryMaxAge());
        raw.put("delivery-max-age", "6h");
        assertEquals(Duration.ofHours(6), PluginSettings.from(raw).push().deliveryMaxAge());
        raw.put("delivery-max-age", "0s");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(List.of("setting 'delivery-max-age' is not a positive duration like 500ms,"
                + " 2s, 1m, 1h or PT2S: '0s'"), e.problems());
    }

    @Test
    void theNoticeBoundDefaultsToFifteenMinutesAndRefusesMoreThanADay() {
        Map<String, String> raw = credentials();
        Duration byDefault = PluginSettings.from(raw).outbox().noticeMaxDelay();
        raw.put("notice-max-delay", "25h");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(Duration.ofMinutes(15), byDefault);
        assertEquals(List.of("setting 'notice-max-delay' must be at most 24h: '25h'"),
                e.problems());
    }

    @Test
    void missingConsumerKeySaysWhatItIs() {
        Map<String, String> raw = credentials();
        raw.remove("consumer-key");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(List.of("setting 'consumer-key' (or 'oauth.consumerKey') is missing: the"
                + " Twitter app's consumer key (API key)"), e.problems());
    }

    @Test
    void baseUrlThatIsNoUrlIsNamed() {
        Map<String, String> raw = credentials();
        raw.put("api-base-url", "api.twitter.com/1.1");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(List.of("setting 'api-base-url' must be an http(s) URL like"
                + " https://api.twitter.com/1.1/: 'api.twitter.com/1.1'"), e.problems());
    }

    @Test
    void unknownKeyNamesTheNearestValidOne() {
        Map<String, String> raw = credentials();
        raw.put("pol-interval", "5s");
        raw.put("oauth.consumerKy", "ck");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertEquals(Set.of("setting 'pol-interval' is unknown; did you mean 'poll-interval'?",
                "setting 'oauth.consumerKy' is unknown; did you mean 'oauth.consumerKey'?"),
                Set.copyOf(e.problems()));
    }

    @Test
    void unknownKeyFarFromEveryNameListsTheValidOnes() {
        Map<String, String> raw = credentials();
        raw.put("colour", "blue");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertTrue(e.problems().get(0).startsWith("setting 'colour' is unknown; valid settings"
                + " are consumer-key, oauth.consumerKey, "), e.problems().get(0));
        assertTrue(e.problems().get(0).contains("credentials-retry"), e.problems().get(0));
    }

    @Test
    void twitter4jNamesAreAcceptedBesideOurs() {
        Map<String, String> raw = new HashMap<>(Map.of("oauth.consumerKey", "ck",
                "consumer-secret", "cs", "oauth.accessToken", "at",
                "access-token-secret", "ats", "restBaseURL", "http://localhost:9/1.1/"));

        PluginSettings s = PluginSettings.from(raw);

        assertEquals("http://localhost:9/1.1/", s.api().baseUrl());
        assertEquals("at", s.credentials().orElseThrow().accessToken());
        assertEquals(Duration.ofMinutes(15), s.retry().credentials());
    }

    @Test
    void secretsNeverShowInToString() {
        String shown = PluginSettings.from(credentials()).toString();

        assertFalse(shown.contains("ats") || shown.contains("cs,"), shown);
    }

    @Test
    void valuesPastTheirUpperBoundsAreEachNamedWithTheBound() {
        Map<String, String> raw = credentials();
        raw.put("consumer-key", "k".repeat(1_001));
        raw.put("http-timeout", "10m");
        raw.put("poll-interval", "200h");
        raw.put("unlinked-reply-daily-cap", "100001");

        InvalidSettingsException e =
                assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw));

        assertTrue(e.getMessage().contains("setting 'consumer-key' is 1001 characters long;"
                + " at most 1000 are allowed"), e.getMessage());
        assertTrue(e.getMessage().contains("setting 'http-timeout' must be at most 5m: '10m'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("setting 'poll-interval' must be at most 168h: '200h'"),
                e.getMessage());
        assertTrue(e.getMessage().contains(
                "setting 'unlinked-reply-daily-cap' must be at most 100000: '100001'"),
                e.getMessage());
        assertFalse(e.getMessage().contains("kkkk"), "an overlong secret is not echoed");
    }
}
