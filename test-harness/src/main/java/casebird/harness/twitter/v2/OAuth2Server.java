package casebird.harness.twitter.v2;

import static casebird.harness.twitter.v2.OAuth2Refusal.require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The fake's OAuth 2.0 authorization server: one confidential client with its registered
 * redirect URIs, authorization codes bound to a PKCE S256 challenge, user grants whose
 * refresh tokens are single use, and app-only tokens. Access tokens expire after two
 * minutes: X's two hours, scaled by 1/60 like the rate windows.
 */
public final class OAuth2Server {

    /** How long an access token lives. */
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(2);
    /** The scopes the fake grants: those its endpoints check, and offline.access. */
    public static final Set<String> SCOPES = Set.of("tweet.read", "tweet.write", "users.read",
            "dm.read", "dm.write", "offline.access");
    private static final Duration CODE_LIFETIME = Duration.ofSeconds(30);
    private static final Instant NEVER = Instant.MAX;

    /** What a live access token lets its holder do: act as an account (or the app alone). */
    public record Access(OptionalLong accountId, Set<String> scopes) {
    }

    /** A token answer; a refresh token only when {@code offline.access} was granted. */
    public record Tokens(String accessToken, Optional<String> refreshToken, Set<String> scopes,
            Duration expiresIn) {
    }

    private record Code(long accountId, Set<String> scopes, String redirectUri,
            String challenge, Instant expires) {
    }

    private record Grant(OptionalLong accountId, Set<String> scopes) {
    }

    private record AccessEntry(long grantId, Instant expires) {
    }

    private final Clock clock;
    private final Supplier<String> newToken;
    private final String clientId;
    private final String clientSecret;
    private final Set<String> redirectUris = new HashSet<>();
    private final Map<String, Code> codes = new HashMap<>();
    private final Map<Long, Grant> grants = new HashMap<>();
    private final Map<String, AccessEntry> accessTokens = new HashMap<>();
    private final Map<String, Long> refreshTokens = new HashMap<>();
    private long nextGrant = 1;

    /** A server timed by {@code clock} whose client id, secret and tokens come from newToken. */
    public OAuth2Server(Clock clock, Supplier<String> newToken) {
        this.clock = clock;
        this.newToken = newToken;
        this.clientId = newToken.get();
        this.clientSecret = newToken.get();
    }

    /** The client id of the app's OAuth 2.0 client. */
    public String clientId() {
        return clientId;
    }

    /** The client secret of the app's OAuth 2.0 client. */
    public String clientSecret() {
        return clientSecret;
    }

    /** Whether HTTP Basic credentials are the client's id and secret. */
    public boolean isClient(String id, String secret) {
        return clientId.equals(id) && clientSecret.equals(secret);
    }

    /** Registers a redirect URI, as an admin does in the app's settings; matched exactly. */
    public synchronized void registerRedirectUri(String uri) {
        redirectUris.add(Objects.requireNonNull(uri, "uri"));
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
    public synchronized Tokens redeem(String code, String redirectUri, String verifier) {
        Code granted = code == null ? null : codes.remove(code);
        require(granted != null && clock.instant().isBefore(granted.expires()),
                "Value passed for the authorization code was invalid.");
        require(granted.redirectUri().equals(redirectUri),
                "Value passed for the redirect uri did not match the authorization code's.");
        require(verifier != null && Pkce.verifies(verifier, granted.challenge()),
                "Value passed for the code verifier did not match the code challenge.");
        return issue(granted.accountId(), granted.scopes());
    }

    /**
     * Trades a refresh token for new tokens; the old refresh token stops working.
     *
     * @throws OAuth2Refusal {@code invalid_request} for a used, revoked or unknown token
     */
    public synchronized Tokens refresh(String refreshToken) {
        Long grantId = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        require(grantId != null && grants.containsKey(grantId),
                "Value passed for the token was invalid.");
        return tokensFor(grantId, grants.get(grantId).scopes());
    }

    /** Issues tokens as if the account had just authorized the app with these scopes. */
    public synchronized Tokens issue(long accountId, Set<String> scopes) {
        long grantId = nextGrant++;
        grants.put(grantId, new Grant(OptionalLong.of(accountId), Set.copyOf(scopes)));
        return tokensFor(grantId, scopes);
    }

    /** An app-only Bearer token (client credentials grant); it does not expire. */
    public synchronized String issueAppOnly() {
        long grantId = nextGrant++;
        grants.put(grantId, new Grant(OptionalLong.empty(), Set.of()));
        String token = newToken.get();
        accessTokens.put(token, new AccessEntry(grantId, NEVER));
        return token;
    }

    /** What a Bearer token allows, or empty if it is unknown, expired or revoked. */
    public synchronized Optional<Access> access(String token) {
        AccessEntry entry = accessTokens.get(token);
        if (entry == null || !clock.instant().isBefore(entry.expires())) {
            return Optional.empty();
        }
        return Optional.ofNullable(grants.get(entry.grantId()))
                .map(grant -> new Access(grant.accountId(), grant.scopes()));
    }

    /** Revokes the grant an access or refresh token belongs to, with all its tokens. */
    public synchronized void revoke(String token) {
        Optional.ofNullable(accessTokens.get(token)).map(AccessEntry::grantId)
                .or(() -> Optional.ofNullable(refreshTokens.get(token)))
                .ifPresent(this::dropGrant);
    }

    /** Makes every access token of the account expire now; refresh tokens still work. */
    public synchronized void expireAccess(long accountId) {
        Instant now = clock.instant();
        accessTokens.replaceAll((token, entry) -> belongsTo(entry.grantId(), accountId)
                ? new AccessEntry(entry.grantId(), now) : entry);
    }

    /** Revokes every grant of the account: it must authorize the app again. */
    public synchronized void revokeAll(long accountId) {
        Set.copyOf(grants.keySet()).stream().filter(id -> belongsTo(id, accountId))
                .forEach(this::dropGrant);
    }

    private boolean belongsTo(long grantId, long accountId) {
        Grant grant = grants.get(grantId);
        return grant != null && grant.accountId().equals(OptionalLong.of(accountId));
    }

    private void dropGrant(long grantId) {
        grants.remove(grantId);
        accessTokens.values().removeIf(entry -> entry.grantId() == grantId);
        refreshTokens.values().removeIf(id -> id == grantId);
    }

    private Tokens tokensFor(long grantId, Set<String> scopes) {
        String access = newToken.get();
        accessTokens.put(access, new AccessEntry(grantId, clock.instant().plus(ACCESS_LIFETIME)));
        Optional<String> refresh = Optional.empty();
        if (scopes.contains("offline.access")) {
            refresh = Optional.of(newToken.get());
            refreshTokens.put(refresh.get(), grantId);
        }
        return new Tokens(access, refresh, Set.copyOf(scopes), ACCESS_LIFETIME);
    }

    private Set<String> checkedScopes(AuthorizeRequest request) {
        require(clientId.equals(request.clientId()), "client_id is not this app's");
        require(redirectUris.contains(request.redirectUri()),
                "redirect_uri is not registered for this app: " + request.redirectUri());
        return request.checkedScopes();
    }
}
