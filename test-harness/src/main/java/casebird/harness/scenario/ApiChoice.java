package casebird.harness.scenario;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The API and authentication a world's plugin uses, and the plugin settings that say so
 * (the names the plugin's v2 wiring reads: {@code api}, {@code auth}, {@code client-id},
 * {@code client-secret}, {@code oauth2-refresh-token}, {@code bot-account}).
 */
public record ApiChoice(ApiVersion api, AuthScheme auth) {

    /**
     * Checks the pair.
     *
     * @throws IllegalStateException for OAuth 2.0 under v1.1, which takes only 1.0a keys
     */
    public ApiChoice {
        if (api == ApiVersion.V1_1 && auth == AuthScheme.OAUTH2) {
            throw new IllegalStateException("'auth oauth2' needs 'api v2': v1.1 takes only"
                    + " the OAuth 1.0a keys");
        }
    }

    /**
     * Puts the settings that reach the bot's account: which API and auth (left out for v1.1
     * until the plugin reads them, since it refuses unknown settings), the credentials, and
     * {@code api-base-url} through {@code route}.
     *
     * @param bot the bot's account with the OAuth 1.0a token the plugin uses
     * @param refreshToken the OAuth 2.0 seed for the bot, asked for only under oauth2
     */
    void putSettings(Map<String, String> settings, FakeTwitterApi twitter, TwitterAccount bot,
            Supplier<String> refreshToken, UnaryOperator<URI> route) {
        if (api == ApiVersion.V2 || ApiVersion.PLUGIN_SPEAKS_V2) {
            settings.put("api", api.word());
            settings.put("auth", auth.word());
            settings.put("bot-account", bot.screenName());
        }
        if (auth == AuthScheme.OAUTH2) {
            settings.put("client-id", twitter.v2().oauth2().clientId());
            settings.put("client-secret", twitter.v2().oauth2().clientSecret());
            settings.put("oauth2-refresh-token", refreshToken.get());
        } else {
            settings.put("consumer-key", twitter.consumerKey());
            settings.put("consumer-secret", twitter.consumerSecret());
            settings.put("access-token", bot.accessToken());
            settings.put("access-token-secret", bot.accessTokenSecret());
        }
        URI base = api == ApiVersion.V2 ? twitter.v2().baseUrl().resolve("/")
                : twitter.baseUrl();
        settings.put("api-base-url", route.apply(base).toString());
    }
}
