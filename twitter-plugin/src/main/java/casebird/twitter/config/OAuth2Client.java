package casebird.twitter.config;

import java.util.Optional;

/**
 * The X app's OAuth 2.0 client and the bot it acts as ({@code auth=oauth2});
 * {@link #toString()} shows no secret.
 *
 * @param clientId the app's OAuth 2.0 client id
 * @param clientSecret the app's OAuth 2.0 client secret
 * @param botAccount the bot's screen name, without '@': an authorization by any other
 *     account is refused
 * @param seedRefreshToken a refresh token the admin pasted ({@code oauth2-refresh-token}):
 *     used while the plugin keeps no tokens of its own, or when it changes
 */
public record OAuth2Client(String clientId, String clientSecret, String botAccount,
        Optional<String> seedRefreshToken) {

    /** Reads the client's settings, each required but the seed. */
    static OAuth2Client read(SettingsReader r) {
        String id = r.required("client-id", "the X app's OAuth 2.0 client id (auth=oauth2)");
        String secret = r.required("client-secret",
                "the X app's OAuth 2.0 client secret (auth=oauth2)");
        String bot = r.required("bot-account", "the bot's X screen name, e.g. casebird"
                + " (auth=oauth2 stores only that account's authorization)");
        Optional<String> seed = r.optional("oauth2-refresh-token", "[\\x21-\\x7e]+",
                "a refresh token without spaces");
        return new OAuth2Client(id, secret, bot.startsWith("@") ? bot.substring(1) : bot, seed);
    }

    @Override
    public String toString() {
        return "OAuth2Client[clientId=" + clientId + ", botAccount=" + botAccount + "]";
    }
}
