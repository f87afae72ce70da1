package casebird.harness.twitter.v2;

import static casebird.harness.twitter.v2.OAuth2Refusal.require;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The grants of the fake's OAuth 2.0 server and their tokens: access tokens that expire
 * after two minutes (X's two hours, scaled by 1/60 like the rate windows), refresh tokens
 * that are single use, and app-only tokens. Every change goes to a log before it applies.
 */
public final class OAuth2Grants {

    /** How long an access token lives. */
    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(2);
    private static final long NEVER = Long.MAX_VALUE;

    /** What a live access token lets its holder do: act as an account (or the app alone). */
    public record Access(OptionalLong accountId, Set<String> scopes) {
    }

    /** A token answer; a refresh token only when {@code offline.access} was granted. */
    public record Tokens(String accessToken, Optional<String> refreshToken, Set<String> scopes,
            Duration expiresIn) {
    }

    private final Clock clock;
    private final Supplier<String> newToken;
    private final Consumer<OAuth2Change> log;
    private final Map<Long, OAuth2Change.Grant> grants = new HashMap<>();
    private final Map<String, OAuth2Change.Access> accessTokens = new HashMap<>();
    private final Map<String, Long> refreshTokens = new HashMap<>();
    private long nextGrant = 1;

    /** Grants timed by {@code clock}, with tokens from newToken, each change sent to log. */
    public OAuth2Grants(Clock clock, Supplier<String> newToken, Consumer<OAuth2Change> log) {
        this.clock = clock;
        this.newToken = newToken;
        this.log = log;
    }

    /** Applies a change from the journal (or one just logged). */
    public synchronized void restore(OAuth2Change change) {
        if (change instanceof OAuth2Change.Grant g) {
            grants.put(g.grantId(), g);
            nextGrant = Math.max(nextGrant, g.grantId() + 1);
        } else if (change instanceof OAuth2Change.Access a) {
            accessTokens.put(a.token(), a);
        } else if (change instanceof OAuth2Change.Refresh r) {
            refreshTokens.put(r.token(), r.grantId());
        } else if (change instanceof OAuth2Change.RefreshSpent r) {
            refreshTokens.remove(r.token());
        } else if (change instanceof OAuth2Change.Drop d) {
            grants.remove(d.grantId());
            accessTokens.values().removeIf(access -> access.grantId() == d.grantId());
            refreshTokens.values().removeIf(grantId -> grantId == d.grantId());
        } else if (change instanceof OAuth2Change.Expire e) {
            accessTokens.replaceAll((token, access) -> belongsTo(access.grantId(),
                    e.accountId()) ? new OAuth2Change.Access(token, access.grantId(),
                    Math.min(access.expiresMillis(), e.atMillis())) : access);
        }
    }

    /** Issues tokens as if the account had just authorized the app with these scopes. */
    public synchronized Tokens issue(long accountId, Set<String> scopes) {
        long grantId = nextGrant;
        apply(new OAuth2Change.Grant(grantId, accountId, List.copyOf(new TreeSet<>(scopes))));
        return tokensFor(grantId);
    }

    /**
     * Trades a refresh token for new tokens; the old refresh token stops working.
     *
     * @throws OAuth2Refusal {@code invalid_request} for a used, revoked or unknown token
     */
    public synchronized Tokens refresh(String refreshToken) {
        Long grantId = refreshToken == null ? null : refreshTokens.get(refreshToken);
        require(grantId != null && grants.containsKey(grantId),
                "Value passed for the token was invalid.");
        apply(new OAuth2Change.RefreshSpent(refreshToken));
        return tokensFor(grantId);
    }

    /** An app-only Bearer token (client credentials grant); it does not expire. */
    public synchronized String issueAppOnly() {
        long grantId = nextGrant;
        apply(new OAuth2Change.Grant(grantId, null, List.of()));
        String token = newToken.get();
        apply(new OAuth2Change.Access(token, grantId, NEVER));
        return token;
    }

    /** Every app-only Bearer token issued and not revoked, e.g. to look for in logs. */
    public synchronized List<String> appOnlyTokens() {
        return accessTokens.entrySet().stream().filter(e -> Optional.ofNullable(
                grants.get(e.getValue().grantId())).filter(g -> g.accountId() == null)
                .isPresent()).map(Map.Entry::getKey).sorted().toList();
    }

    /** What a Bearer token allows, or empty if it is unknown, expired or revoked. */
    public synchronized Optional<Access> access(String token) {
        OAuth2Change.Access access = accessTokens.get(token);
        if (access == null || clock.millis() >= access.expiresMillis()) {
            return Optional.empty();
        }
        return Optional.ofNullable(grants.get(access.grantId())).map(grant -> new Access(
                grant.accountId() == null ? OptionalLong.empty()
                        : OptionalLong.of(grant.accountId()), Set.copyOf(grant.scopes())));
    }

    /** Whether the account has a grant of the app with that scope. */
    public synchronized boolean authorized(long accountId, String scope) {
        return grants.values().stream().anyMatch(grant -> Long.valueOf(accountId)
                .equals(grant.accountId()) && grant.scopes().contains(scope));
    }

    /** Revokes the grant an access or refresh token belongs to, with all its tokens. */
    public synchronized void revoke(String token) {
        Optional.ofNullable(accessTokens.get(token)).map(OAuth2Change.Access::grantId)
                .or(() -> Optional.ofNullable(refreshTokens.get(token)))
                .ifPresent(grantId -> apply(new OAuth2Change.Drop(grantId)));
    }

    /** Makes every access token of the account expire now; refresh tokens still work. */
    public synchronized void expireAccess(long accountId) {
        apply(new OAuth2Change.Expire(accountId, clock.millis()));
    }

    /** Revokes every grant of the account: it must authorize the app again. */
    public synchronized void revokeAll(long accountId) {
        Set.copyOf(grants.keySet()).stream().filter(id -> belongsTo(id, accountId))
                .forEach(id -> apply(new OAuth2Change.Drop(id)));
    }

    private boolean belongsTo(long grantId, long accountId) {
        OAuth2Change.Grant grant = grants.get(grantId);
        return grant != null && Long.valueOf(accountId).equals(grant.accountId());
    }

    private Tokens tokensFor(long grantId) {
        Set<String> scopes = Set.copyOf(grants.get(grantId).scopes());
        Instant expires = clock.instant().plus(ACCESS_LIFETIME);
        String access = newToken.get();
        apply(new OAuth2Change.Access(access, grantId, expires.toEpochMilli()));
        Optional<String> refresh = Optional.empty();
        if (scopes.contains("offline.access")) {
            refresh = Optional.of(newToken.get());
            apply(new OAuth2Change.Refresh(refresh.get(), grantId));
        }
        return new Tokens(access, refresh, scopes, ACCESS_LIFETIME);
    }

    private void apply(OAuth2Change change) {
        log.accept(change);
        restore(change);
    }
}
