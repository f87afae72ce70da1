package casebird.harness.scenario;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.OAuth2Authorizer;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.UnaryOperator;

/**
 * How a world's plugin reaches the bot's account at the fake: the API and auth chosen, the
 * bot's OAuth 2.0 authorization, and the plugin settings that say so (the names the
 * plugin's v2 wiring reads: {@code api}, {@code auth}, {@code client-id},
 * {@code client-secret}, {@code oauth2-refresh-token}, {@code bot-account}).
 */
final class ApiConnection {

    private final FakeTwitterApi twitter;
    private final Random random;
    private ApiVersion api;
    private Optional<AuthScheme> auth = Optional.empty();
    private String refreshToken;

    /** A connection speaking {@code defaultApi} until told otherwise. */
    ApiConnection(FakeTwitterApi twitter, ApiVersion defaultApi, Random random) {
        this.twitter = twitter;
        this.api = defaultApi;
        this.random = random;
    }

    synchronized void useApi(ApiVersion version) {
        api = version;
    }

    synchronized void useAuth(AuthScheme scheme) {
        auth = Optional.of(scheme);
    }

    /**
     * The API and auth in use: as chosen, else the API's default auth.
     *
     * @throws IllegalStateException for a pair that cannot work (OAuth 2.0 under v1.1)
     */
    synchronized ApiChoice choice() {
        return new ApiChoice(api, auth.orElse(AuthScheme.defaultFor(api)));
    }

    /** What a world folder keeps of this connection, so that a resumed world keeps it. */
    synchronized WorldChange.Connection snapshot() {
        ApiChoice choice = choice();
        return new WorldChange.Connection(choice.api().word(), choice.auth().word(),
                refreshToken);
    }

    /** Takes up a connection a world folder kept: its API, auth and the bot's seed. */
    synchronized void restore(WorldChange.Connection kept) {
        api = ApiVersion.fromWord(kept.api()).orElseThrow(() -> new IllegalStateException(
                "the world folder names an unknown api: " + kept.api()));
        auth = Optional.of(AuthScheme.fromWord(kept.auth()).orElseThrow(() ->
                new IllegalStateException("the world folder names an unknown auth: "
                        + kept.auth())));
        refreshToken = kept.refreshToken();
    }

    /**
     * Puts the settings that reach the bot: which API and auth (left out for v1.1 until the
     * plugin reads them, since it refuses unknown settings), the credentials, and
     * {@code api-base-url} as seen through {@code route}.
     */
    synchronized void putSettings(Map<String, String> settings, TwitterAccount bot,
            UnaryOperator<URI> route) {
        ApiChoice choice = putChoice(settings, bot);
        if (choice.auth() == AuthScheme.OAUTH2) {
            settings.put("client-id", twitter.v2().oauth2().clientId());
            settings.put("client-secret", twitter.v2().oauth2().clientSecret());
            settings.put("oauth2-refresh-token", refreshToken(bot));
        } else {
            settings.put("consumer-key", twitter.consumerKey());
            settings.put("consumer-secret", twitter.consumerSecret());
            settings.put("access-token", bot.accessToken());
            settings.put("access-token-secret", bot.accessTokenSecret());
        }
        URI base = choice.api() == ApiVersion.V2 ? twitter.v2().baseUrl().resolve("/")
                : twitter.baseUrl();
        settings.put("api-base-url", route.apply(base).toString());
    }

    /** Puts which API and auth the plugin speaks, and as which bot; returns that choice. */
    synchronized ApiChoice putChoice(Map<String, String> settings, TwitterAccount bot) {
        ApiChoice choice = choice();
        settings.put("api", choice.api().word());
        settings.put("auth", choice.auth().word());
        settings.put("bot-account", bot.screenName());
        return choice;
    }

    /** Puts the settings that reach the bot at a foreign API: the choice, then its own. */
    synchronized void putForeignSettings(Map<String, String> settings, TwitterAccount bot,
            ForeignApi foreign) {
        putChoice(settings, bot);
        settings.putAll(foreign.settings());
        settings.put("api-base-url", foreign.baseUrl().toString());
    }

    /**
     * Expires the bot's OAuth 2.0 access tokens now, or revokes all its grants.
     *
     * @throws IllegalStateException when the plugin does not use OAuth 2.0
     */
    void faultToken(Step.TokenFaultKind kind, TwitterAccount bot) {
        ApiChoice choice = choice();
        if (choice.auth() != AuthScheme.OAUTH2) {
            throw new IllegalStateException("'fault token' acts on OAuth 2.0 tokens: it needs"
                    + " 'api v2' with 'auth oauth2', not " + choice.api().word() + " with "
                    + choice.auth().word());
        }
        OAuth2Grants grants = twitter.v2().oauth2().grants();
        if (kind == Step.TokenFaultKind.EXPIRE) {
            grants.expireAccess(bot.id());
        } else {
            grants.revokeAll(bot.id());
        }
    }

    /**
     * The bot's refresh token as an admin pastes it into the settings: the first call
     * authorizes the app as the bot over HTTP; later instances get the same seed.
     */
    private String refreshToken(TwitterAccount bot) {
        if (refreshToken == null) {
            try {
                refreshToken = new OAuth2Authorizer(twitter.v2(), random).refreshToken(bot);
            } catch (IOException e) {
                throw new UncheckedIOException("the fake refused to authorize @"
                        + bot.screenName(), e);
            }
        }
        return refreshToken;
    }
}
