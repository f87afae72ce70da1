package casebird.harness.twitter.v2;

import static casebird.harness.twitter.v2.OAuth2Refusal.require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The fake's OAuth 2.0 authorization server: one confidential client with its registered
 * redirect URIs, authorization codes bound to a PKCE S256 challenge, and the grants the
 * codes become ({@link #grants()}).
 */
public final class OAuth2Server {

    /** The scopes the fake grants: those its endpoints check, and offline.access. */
    public static final Set<String> SCOPES = Set.of("tweet.read", "tweet.write", "users.read",
            "dm.read", "dm.write", "offline.access");
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(30);

    /** The client's id and secret, as the app's settings show them. */
    public record Client(String id, String secret) {
    }

    private record Code(long accountId, Set<String> scopes, String redirectUri,
            String challenge, Instant expires) {
    }

    private final Clock clock;
    private final Supplier<String> newToken;
    private final Client client;
    private final Consumer<OAuth2Change> log;
    private final OAuth2Grants grants;
    private final Set<String> redirectUris = new HashSet<>();
    private final Map<String, Code> codes = new HashMap<>();

    /**
     * A server for one client, timed by {@code clock}, with codes and tokens from newToken,
     * handing every lasting change to {@code log} before it applies.
     */
    public OAuth2Server(Clock clock, Supplier<String> newToken, Client client,
            Consumer<OAuth2Change> log) {
        this.clock = clock;
        this.newToken = newToken;
        this.client = client;
        this.log = log;
        this.grants = new OAuth2Grants(clock, newToken, log);
    }

    /** The app's OAuth 2.0 client id. */
    public String clientId() {
        return client.id();
    }

    /** The app's OAuth 2.0 client secret. */
    public String clientSecret() {
        return client.secret();
    }

    /** Whether HTTP Basic credentials are the client's id and secret. */
    public boolean isClient(String id, String secret) {
        return client.equals(new Client(id, secret));
    }

    /** The grants and their tokens, and the hooks that expire or revoke them. */
    public OAuth2Grants grants() {
        return grants;
    }

    /** Applies a change from the journal. */
    public synchronized void restore(OAuth2Change change) {
        if (change instanceof OAuth2Change.RedirectUri r) {
            redirectUris.add(r.uri());
        } else {
            grants.restore(change);
        }
    }

    /** Registers a redirect URI, as an admin does in the app's settings; matched exactly. */
    public synchronized void registerRedirectUri(String uri) {
        if (!redirectUris.contains(Objects.requireNonNull(uri, "uri"))) {
            OAuth2Change.RedirectUri change = new OAuth2Change.RedirectUri(uri);
            log.accept(change);
            restore(change);
        }
    }

    /**
     * Checks an authorization request before it is shown to the user.
     *
     * @throws OAuth2Refusal naming what is missing or wrong
     */
    public synchronized void check(AuthorizeRequest request) {
        checkedScopes(request);
    }

    /**
     * Approves a checked request as an account: a single-use code, valid 30 seconds.
     *
     * @throws OAuth2Refusal when the request does not pass {@link #check}
     */
    public synchronized String approve(AuthorizeRequest request, long accountId) {
        Set<String> scopes = checkedScopes(request);
        String code = newToken.get();
        codes.put(code, new Code(accountId, scopes, request.redirectUri(),
                request.codeChallenge(), clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /**
     * Exchanges a code for tokens, once, if the redirect URI is the code's and the verifier
     * fits its challenge.
     *
     * @throws OAuth2Refusal {@code invalid_request} for any other code, URI or verifier
     */
    public synchronized OAuth2Grants.Tokens redeem(String code, String redirectUri,
            String verifier) {
        Code granted = code == null ? null : codes.remove(code);
        require(granted != null && clock.instant().isBefore(granted.expires()),
                "Value passed for the authorization code was invalid.");
        require(granted.redirectUri().equals(redirectUri),
                "Value passed for the redirect uri did not match the authorization code's.");
        require(verifier != null && Pkce.verifies(verifier, granted.challenge()),
                "Value passed for the code verifier did not match the code challenge.");
        return grants.issue(granted.accountId(), granted.scopes());
    }

    private Set<String> checkedScopes(AuthorizeRequest request) {
        require(client.id().equals(request.clientId()), "client_id is not this app's");
        require(redirectUris.contains(request.redirectUri()),
                "redirect_uri is not registered for this app: " + request.redirectUri());
        return request.checkedScopes();
    }
}
