package casebird.harness.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether the console answers a request: its Host and Origin must be the console's
 * own (another page in the same browser, or a DNS-rebound name, gets nothing), and every
 * {@code /api/} request must carry the run's token.
 */
final class RequestGuard {

    /** Why a request is refused: the HTTP status and a sentence for the caller. */
    record Refusal(int status, String reason) {}

    static final String API = "/api/";
    private static final String BEARER = "Bearer ";
    private static final int TOKEN_BYTES = 32;

    private final byte[] token;
    private final Set<String> hosts;
    private final Set<String> origins;

    RequestGuard(String token, int port) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    /** A fresh token: 256 bits from the random source, URL-safe. */
    static String newToken(SecureRandom random) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * The refusal of a request, or empty when it may be answered.
     *
     * @param host the Host header, null when missing
     * @param origin the Origin header, null when missing (scripts send none; browsers send
     *     one with every POST and every cross-origin request)
     * @param authorization the Authorization header, null when missing
     */
    Optional<Refusal> check(String path, String host, String origin, String authorization) {
        if (host == null || !hosts.contains(host)) {
            return refuse(403, "Host '" + host + "' is not this console's; use "
                    + hosts.iterator().next());
        }
        if (origin != null && !origins.contains(origin)) {
            return refuse(403, "requests from the page at " + origin + " are refused");
        }
        if (!path.startsWith(API)) {
            return Optional.empty();
        }
        if (authorization == null || !authorization.startsWith(BEARER)) {
            return refuse(401, "the API needs 'Authorization: Bearer TOKEN' with the token in"
                    + " the console URL that serve printed");
        }
        byte[] given = authorization.substring(BEARER.length()).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(token, given)) {
            return refuse(403, "the token is not this run's");
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refuse(int status, String reason) {
        return Optional.of(new Refusal(status, reason));
    }
}
