package casebird.harness.host;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the settings map the harness hands the plugin: credentials, API URL, timings. */
public final class PluginSettingsBuilder {

    /** The CRM user field that holds an agent's Twitter handle in every harness world. */
    public static final String HANDLE_FIELD = "twitter";

    private final Map<String, String> settings = new LinkedHashMap<>();

    private PluginSettingsBuilder(String consumerKey, String consumerSecret, String accessToken,
            String accessTokenSecret, String apiBaseUrl) {
        settings.put("consumer-key", consumerKey);
        settings.put("consumer-secret", consumerSecret);
        settings.put("access-token", accessToken);
        settings.put("access-token-secret", accessTokenSecret);
        settings.put("api-base-url", apiBaseUrl);
    }

    /** Settings with the given credentials and REST base URL, and nothing else yet. */
    public static PluginSettingsBuilder of(String consumerKey, String consumerSecret,
            String accessToken, String accessTokenSecret, String apiBaseUrl) {
        return new PluginSettingsBuilder(consumerKey, consumerSecret, accessToken,
                accessTokenSecret, apiBaseUrl);
    }

    /** Settings for the {@code bot} account of the fake API {@code twitter}. */
    public static PluginSettingsBuilder forBot(FakeTwitterApi twitter, TwitterAccount bot) {
        return of(twitter.consumerKey(), twitter.consumerSecret(), bot.accessToken(),
                bot.accessTokenSecret(), twitter.baseUrl().toString());
    }

    /** Adds the handle field and the harness's scaled retry and HTTP timings. */
    public PluginSettingsBuilder withHarnessTimings() {
        putHarnessTimings(settings);
        return this;
    }

    /** Puts the handle field and the harness's scaled retry and HTTP timings in {@code into}. */
    public static void putHarnessTimings(Map<String, String> into) {
        into.put("handle-field", HANDLE_FIELD);
        into.put("retry-base", "100ms");
        into.put("retry-cap", "5s");
        into.put("http-timeout", "5s");
    }

    /** Sets one setting, replacing any earlier value. */
    public PluginSettingsBuilder with(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** The settings so far, in the order they were set, as a new mutable map. */
    public Map<String, String> build() {
        return new LinkedHashMap<>(settings);
    }
}
