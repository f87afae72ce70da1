package casebird.twitter;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.client.v1.Twitter4jPort;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.ApiHttp;
import casebird.twitter.client.v2.AppBearer;
import casebird.twitter.client.v2.AuthorizeFlow;
import casebird.twitter.client.v2.BearerTokens;
import casebird.twitter.client.v2.OAuth1Signer;
import casebird.twitter.client.v2.OAuth2TokenStore;
import casebird.twitter.client.v2.RequestAuthorizer;
import casebird.twitter.client.v2.TokenEndpoint;
import casebird.twitter.client.v2.XApiV2Port;
import casebird.twitter.config.ApiChoice;
import casebird.twitter.config.OAuth2Client;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.oauth.AuthorizeRoutes;
import casebird.twitter.state.StateStore;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * The X API port the settings choose, over the plugin's store: v1.1 through twitter4j, or
 * v2 signed with OAuth 1.0a or carrying the bot's OAuth 2.0 Bearer token (with the routes
 * through which an admin authorizes the bot). {@link #close()} aborts its HTTP calls.
 */
public final class ChosenApi implements AutoCloseable {

    /** X's own authorize page, used when {@code api-base-url} is X's own API. */
    private static final URI X_AUTHORIZE = URI.create("https://x.com/i/oauth2/authorize");
    /** How long before its expiry the access token is replaced (X's tokens last 2 h). */
    private static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);
    /** How long an admin may take on X's authorize page. */
    private static final Duration AUTHORIZE_TIME = Duration.ofMinutes(10);

    private final TwitterPort port;
    private final Optional<AuthorizeRoutes> authorizeRoutes;
    private final Optional<ApiHttp> http;
    private Optional<ActivityApi> activity = Optional.empty();

    private ChosenApi(TwitterPort port, Optional<AuthorizeRoutes> authorizeRoutes,
            Optional<ApiHttp> http) {
        this.port = port;
        this.authorizeRoutes = authorizeRoutes;
        this.http = http;
    }

    /** A port that owns nothing to close and offers no routes, e.g. a test's fake. */
    public static ChosenApi of(TwitterPort port) {
        return new ChosenApi(port, Optional.empty(), Optional.empty());
    }

    /** This API with the X Activity API's calls, when there are any. */
    private ChosenApi with(Optional<ActivityApi> calls) {
        activity = calls;
        return this;
    }

    /**
     * The X Activity API and webhook calls under the app-only Bearer token of the consumer
     * pair, under v2 when the settings hold that pair; their headers go to {@code budget}.
     */
    private static Optional<ActivityApi> activity(PluginSettings settings, ApiBudget budget,
            ApiHttp http, URI root) {
        return settings.push().consumer().map(pair -> new ActivityApi(root, http,
                new AppBearer(root.resolve("oauth2/token"), pair.key(), pair.secret(), http),
                budget::learn));
    }

    /** Opens the port the settings choose; its rate-limit headers go to {@code budget}. */
    public static ChosenApi open(PluginSettings settings, ApiBudget budget, StateStore store,
            Clock clock) {
        ApiChoice choice = settings.api().choice();
        if (choice.version() == ApiChoice.Version.V1_1) {
            return of(new Twitter4jPort(settings, budget::learn));
        }
        Duration timeout = settings.api().httpTimeout();
        ApiHttp http = new ApiHttp(timeout, timeout);
        URI root = URI.create(settings.api().baseUrl());
        if (choice.auth() == ApiChoice.Auth.OAUTH1) {
            PluginSettings.Credentials c = settings.credentials().orElseThrow();
            RequestAuthorizer signer = new OAuth1Signer(c.consumerKey(), c.consumerSecret(),
                    c.accessToken(), c.accessTokenSecret());
            return new ChosenApi(new XApiV2Port(root, http, signer, budget::learn),
                    Optional.empty(), Optional.of(http))
                    .with(activity(settings, budget, http, root));
        }
        OAuth2Client client = settings.oauth2().orElseThrow();
        TokenEndpoint tokens = new TokenEndpoint(root.resolve("2/oauth2/token"),
                client.clientId(), client.clientSecret(), http, clock);
        OAuth2TokenStore stored = store.oauth2Tokens(client.seedRefreshToken());
        BearerTokens bearer = new BearerTokens(tokens, stored, client.seedRefreshToken(),
                clock, REFRESH_MARGIN);
        URI authorizePage = root.getHost().equals("api.x.com") ? X_AUTHORIZE
                : root.resolve("i/oauth2/authorize");
        AuthorizeRoutes routes = new AuthorizeRoutes(
                callback -> new AuthorizeFlow(authorizePage, client.clientId(), callback,
                        tokens, new SecureRandom(), clock, AUTHORIZE_TIME),
                granted -> new XApiV2Port(root, http,
                        (method, uri) -> "Bearer " + granted.accessToken(), budget::learn)
                        .verifyCredentials(),
                client.botAccount(), stored);
        return new ChosenApi(new XApiV2Port(root, http, bearer, budget::learn),
                Optional.of(routes), Optional.of(http))
                .with(activity(settings, budget, http, root));
    }

    /** The port every call of the plugin goes through, before budgets. */
    public TwitterPort port() {
        return port;
    }

    /** The routes through which an admin authorizes the bot, under OAuth 2.0. */
    public Optional<AuthorizeRoutes> authorizeRoutes() {
        return authorizeRoutes;
    }

    /** The X Activity API and webhook calls, under v2 with the consumer pair. */
    public Optional<ActivityApi> activity() {
        return activity;
    }

    /** Aborts the HTTP calls in flight and refuses new ones. */
    @Override
    public void close() {
        http.ifPresent(ApiHttp::close);
    }
}
