package casebird.twitter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.budget.Prices;
import casebird.twitter.config.ApiChoice.Auth;
import casebird.twitter.config.ApiChoice.Version;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The api, auth, OAuth 2.0 and spend settings, and the upgrade rules of installs from v1.1. */
class ApiChoiceTest {

    private static Map<String, String> oauth1Keys() {
        return new HashMap<>(Map.of("consumer-key", "ck", "consumer-secret", "cs",
                "access-token", "at", "access-token-secret", "ats"));
    }

    private static Map<String, String> oauth2() {
        return new HashMap<>(Map.of("client-id", "cid", "client-secret", "csecret",
                "bot-account", "@casebird", "oauth2-refresh-token", "seed"));
    }

    private static List<String> problems(Map<String, String> raw) {
        return assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw))
                .problems();
    }

    @Test
    void oauth2ClientAloneSpeaksV2WithOAuth2AtX() {
        PluginSettings s = PluginSettings.from(oauth2());

        assertEquals(new ApiChoice(Version.V2, Auth.OAUTH2, Optional.empty()),
                s.api().choice());
        assertEquals("https://api.x.com/", s.api().baseUrl());
        assertEquals(new OAuth2Client("cid", "csecret", "casebird", Optional.of("seed")),
                s.oauth2().orElseThrow());
        assertTrue(s.credentials().isEmpty());
    }

    @Test
    void theFourKeysWithoutAuthKeepOAuth1AndMoveToV2() {
        PluginSettings s = PluginSettings.from(oauth1Keys());

        assertEquals(new ApiChoice(Version.V2, Auth.OAUTH1, Optional.empty()),
                s.api().choice());
        assertTrue(s.oauth2().isEmpty());
    }

    @Test
    void aBotAccountBesideTheFourKeysIsAllowed() {
        Map<String, String> raw = oauth1Keys();
        raw.put("bot-account", "casebird");

        assertEquals(Auth.OAUTH1, PluginSettings.from(raw).api().choice().auth());
    }

    @Test
    void webhookEnvWithoutApiStaysOnV1AndHealthIsToldToRecommendTheMove() {
        Map<String, String> raw = oauth1Keys();
        raw.put("webhook-env", "prod");

        ApiChoice choice = PluginSettings.from(raw).api().choice();

        assertEquals(Version.V1_1, choice.version());
        assertEquals(Auth.OAUTH1, choice.auth());
        assertTrue(choice.advice().orElseThrow().contains("set api=v2 to move"),
                choice.advice()::toString);
    }

    @Test
    void anOwnBaseUrlWithoutApiStaysOnV1ForItIsAV1BaseUrl() {
        Map<String, String> raw = oauth1Keys();
        raw.put("api-base-url", "https://proxy.example/1.1/");

        PluginSettings s = PluginSettings.from(raw);

        assertEquals(Version.V1_1, s.api().choice().version());
        assertEquals("https://proxy.example/1.1/", s.api().baseUrl());
    }

    @Test
    void anOwnBaseUrlBesideAnOAuth2ClientIsAV2Root() {
        Map<String, String> raw = oauth2();
        raw.put("api-base-url", "https://proxy.example/");

        assertEquals(Version.V2, PluginSettings.from(raw).api().choice().version());
    }

    @Test
    void v1DefaultsToTwittersV1BaseUrl() {
        Map<String, String> raw = oauth1Keys();
        raw.put("api", "V1.1");

        PluginSettings s = PluginSettings.from(raw);

        assertEquals(Version.V1_1, s.api().choice().version());
        assertEquals("https://api.twitter.com/1.1/", s.api().baseUrl());
        assertTrue(s.api().choice().advice().isEmpty());
    }

    @Test
    void oauth2NamesEachMissingSettingButNotTheSeed() {
        Map<String, String> raw = new HashMap<>(Map.of("auth", "oauth2"));

        assertEquals(List.of(
                "setting 'client-id' is missing: the X app's OAuth 2.0 client id (auth=oauth2)",
                "setting 'client-secret' is missing: the X app's OAuth 2.0 client secret"
                        + " (auth=oauth2)",
                "setting 'bot-account' is missing: the bot's X screen name, e.g. casebird"
                        + " (auth=oauth2 stores only that account's authorization)"),
                problems(raw));
    }

    @Test
    void oauth2UnderV1IsRefused() {
        Map<String, String> raw = oauth2();
        raw.put("api", "v1.1");

        assertEquals(List.of("setting 'auth' is oauth2, which X API v1.1 does not accept: use"
                + " auth=oauth1 with the four OAuth 1.0a keys, or api=v2"), problems(raw));
    }

    @Test
    void webhookEnvUnderV2PointsToThePushSetting() {
        Map<String, String> raw = oauth2();
        raw.put("api", "v2");
        raw.put("webhook-env", "prod");

        assertEquals(List.of("setting 'webhook-env' is set with api=v2: webhook-env is the v1.1"
                + " Account Activity API (ending 2027-01-01); under api=v2 set push=stream or"
                + " push=webhook (the X Activity API) instead"), problems(raw));
    }

    @Test
    void unknownApiAndAuthWordsAreNamed() {
        Map<String, String> raw = oauth1Keys();
        raw.put("api", "v3");
        raw.put("auth", "basic");

        assertEquals(List.of("setting 'api' must be v2 or v1.1: 'v3'",
                "setting 'auth' must be oauth2 or oauth1: 'basic'"), problems(raw));
    }

    @Test
    void pricesDefaultToXsAndTheCapToNone() {
        Spend spend = PluginSettings.from(oauth2()).spend();

        assertEquals(Prices.published(), spend.prices());
        assertTrue(spend.dailyCap().isEmpty());
    }

    @Test
    void capAndPricesAreDollarsAndANonAmountIsNamed() {
        Map<String, String> raw = oauth2();
        raw.put("daily-spend-cap", "5");
        raw.put("price-dm-sent", "0.02");
        assertEquals(Optional.of(new BigDecimal("5")),
                PluginSettings.from(raw).spend().dailyCap());
        assertEquals(new BigDecimal("0.02"), PluginSettings.from(raw).spend().prices().dmSent());
        raw.put("daily-spend-cap", "$5");

        assertEquals(List.of("setting 'daily-spend-cap' is not an amount of US dollars like 5"
                + " or 0.015: '$5'"), problems(raw));
    }

    @Test
    void oauth2SecretsNeverShowInToString() {
        String shown = PluginSettings.from(oauth2()).toString();

        assertFalse(shown.contains("csecret") || shown.contains("seed"), shown);
    }
}
