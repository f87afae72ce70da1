package casebird.twitter.client.v2;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The admin's side of OAuth 2.0 Authorization Code with PKCE: {@link #start()} gives the URL
 * of X's authorize page (S256 challenge, one-time {@code state}), {@link #finish} checks the
 * redirect's {@code state} and trades its code for tokens. A host route or a command-line
 * loopback redirect drives it; checking the account and storing the tokens is the caller's.
 */
public final class AuthorizeFlow {

    /** What the bot needs: read and send DMs, know users, and refresh without the admin. */
    public static final String SCOPES = "tweet.read users.read dm.read dm.write offline.access";
    private static final int MAX_PENDING = 64;

    private record Pending(String verifier, Instant expiresAt) {}

    private final URI authorizePage;
    private final String clientId;
    private final URI redirectUri;
    private final TokenEndpoint tokens;
    private final SecureRandom random;
    private final Clock clock;
    private final Duration stateLifetime;
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    /**
     * Creates the flow.
     *
     * @param authorizePage X's page, e.g. {@code https://x.com/i/oauth2/authorize}
     * @param redirectUri where X sends the admin back; registered exactly in the app
     * @param stateLifetime how long an admin may take on X's page
     */
    public AuthorizeFlow(URI authorizePage, String clientId, URI redirectUri,
            TokenEndpoint tokens, SecureRandom random, Clock clock, Duration stateLifetime) {
        this.authorizePage = authorizePage;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.tokens = tokens;
        this.random = random;
        this.clock = clock;
        this.stateLifetime = stateLifetime;
    }

    /** A new authorize URL, its state and verifier remembered until used or expired. */
    public synchronized URI start() {
        forgetExpired();
        String state = Pkce.randomToken(random, 16);
        Pkce pkce = Pkce.generate(random);
        pending.put(state, new Pending(pkce.verifier(), clock.instant().plus(stateLifetime)));
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri.toString());
        query.put("scope", SCOPES);
        query.put("state", state);
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return URI.create(authorizePage + "?" + query.entrySet().stream()
                .map(q -> q.getKey() + "=" + URLEncoder.encode(q.getValue(),
                        StandardCharsets.UTF_8).replace("+", "%20"))
                .collect(Collectors.joining("&")));
    }

    /**
     * Trades the redirect's code for tokens, once per state.
     *
     * @throws UnknownStateException when the state was never given, is used or expired
     * @throws AuthorizationLostException when X refuses the code
     */
    public OAuth2Tokens finish(String state, String code) {
        Pending started;
        synchronized (this) {
            forgetExpired();
            started = pending.remove(state);
        }
        if (started == null) {
            throw new UnknownStateException();
        }
        return tokens.exchange(code, redirectUri, started.verifier());
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> !now.isBefore(p.expiresAt()));
        Iterator<String> oldest = pending.keySet().iterator();
        while (pending.size() >= MAX_PENDING) {
            oldest.next();
            oldest.remove();
        }
    }

    /** The redirect's {@code state} is not one this flow gave out, or it was used or expired. */
    public static final class UnknownStateException extends IllegalStateException {

        UnknownStateException() {
            super("the authorization's state is unknown, used or expired; start again");
        }
    }
}
