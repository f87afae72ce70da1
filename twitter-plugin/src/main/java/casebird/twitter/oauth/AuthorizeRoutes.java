package casebird.twitter.oauth;

import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.AuthorizationLostException;
import casebird.twitter.client.v2.AuthorizeFlow;
import casebird.twitter.client.v2.OAuth2TokenStore;
import casebird.twitter.client.v2.OAuth2Tokens;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host routes through which an admin authorizes the bot with OAuth 2.0:
 * {@code oauth/start} sends the browser to X's authorize page (S256 challenge, one-time
 * state), and {@code oauth/callback} spends the state once, trades the code for tokens,
 * and stores them only when {@code /2/users/me} says they are the bot account's own.
 *
 * <p>Pages never repeat the request's values, and neither pages nor logs name a code or
 * a token. Anyone who reaches the host may start a flow; only the bot account's own
 * approval is ever stored.
 */
public final class AuthorizeRoutes {

    public static final String START = "twitter/oauth/start";
    public static final String CALLBACK = "twitter/oauth/callback";
    private static final Logger LOG = LoggerFactory.getLogger(AuthorizeRoutes.class);
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern CODE = Pattern.compile("[\\x21-\\x7e]{1,1024}");
    private static final Pattern X_ERROR = Pattern.compile("[a-z_]{1,64}");

    private final Function<URI, AuthorizeFlow> flows;
    private final Function<OAuth2Tokens, BotAccount> accountOf;
    private final String botAccount;
    private final OAuth2TokenStore store;
    private volatile AuthorizeFlow flow;
    private volatile URI startUrl;

    /**
     * Creates the routes, not yet served.
     *
     * @param flows the flow whose redirect is the given callback URL
     * @param accountOf the account new tokens belong to ({@code GET /2/users/me})
     * @param botAccount the bot's screen name ({@code bot-account}), with or without '@'
     */
    public AuthorizeRoutes(Function<URI, AuthorizeFlow> flows,
            Function<OAuth2Tokens, BotAccount> accountOf, String botAccount,
            OAuth2TokenStore store) {
        this.flows = flows;
        this.accountOf = accountOf;
        this.botAccount = botAccount.startsWith("@") ? botAccount.substring(1) : botAccount;
        this.store = store;
    }

    /** Serves both routes until the returned routes are closed; start's first. */
    public List<WebRoute> serve(WebRoutes routes) {
        WebRoute callback = routes.serve(CALLBACK, this::callback);
        flow = flows.apply(callback.url());
        WebRoute start = routes.serve(START, this::start);
        startUrl = start.url();
        return List.of(start, callback);
    }

    private WebResponse start(WebRequest request) {
        if (!request.method().equals("GET")) {
            return WebResponse.text(405, "only GET");
        }
        return AuthorizePages.goTo(flow.start());
    }

    private WebResponse callback(WebRequest request) {
        if (!request.method().equals("GET")) {
            return WebResponse.text(405, "only GET");
        }
        String state = request.query().getOrDefault("state", "");
        String code = request.query().getOrDefault("code", "");
        Optional<String> error = Optional.ofNullable(request.query().get("error"));
        if (error.isPresent()) {
            return failed(400, "X did not authorize the bot"
                    + (X_ERROR.matcher(error.get()).matches() ? " (" + error.get() + ")" : "")
                    + ".");
        }
        if (flow == null || !STATE.matcher(state).matches() || !CODE.matcher(code).matches()) {
            return failed(400, "This page needs the state and code X adds when it sends you"
                    + " back.");
        }
        try {
            return store(flow.finish(state, code));
        } catch (AuthorizeFlow.UnknownStateException e) {
            return failed(400, "This authorization was already used, has expired or was"
                    + " not started here.");
        } catch (AuthorizationLostException e) {
            return failed(400, "X refused to finish the authorization: " + e.getMessage());
        } catch (TwitterApiException e) {
            LOG.warn("OAuth 2.0 callback could not reach X: {}", e.getMessage());
            return failed(502, "X could not be asked to finish the authorization"
                    + " (status " + e.status() + ").");
        }
    }

    private WebResponse store(OAuth2Tokens tokens) {
        BotAccount who = accountOf.apply(tokens);
        if (!who.screenName().toLowerCase(Locale.ROOT)
                .equals(botAccount.toLowerCase(Locale.ROOT))) {
            LOG.warn("OAuth 2.0 authorization by @{} (id {}) refused: the bot account is @{}",
                    who.screenName(), who.id(), botAccount);
            return failed(403, "X says @" + who.screenName() + " approved, but the bot"
                    + " account is @" + botAccount + ". Sign in to X as @" + botAccount
                    + " and start again.");
        }
        store.save(tokens);
        LOG.info("OAuth 2.0 authorization of @{} (id {}) stored", who.screenName(), who.id());
        return AuthorizePages.page(200, "The bot is authorized",
                "casebird now acts as @" + who.screenName() + " on X. You can close this page.",
                Optional.empty());
    }

    private WebResponse failed(int status, String message) {
        return AuthorizePages.page(status, "The bot was not authorized", message,
                Optional.ofNullable(startUrl));
    }
}
