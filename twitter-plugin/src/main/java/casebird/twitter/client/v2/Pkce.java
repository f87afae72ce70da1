package casebird.twitter.client.v2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PKCE pair (RFC 7636, method S256): the secret code verifier the token call sends and
 * the challenge the authorize URL carries, base64url(SHA-256(verifier)).
 */
public record Pkce(String verifier, String challenge) {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    /** A new pair whose verifier is 32 random bytes, base64url (43 characters). */
    public static Pkce generate(SecureRandom random) {
        String verifier = randomToken(random, 32);
        return new Pkce(verifier, challengeOf(verifier));
    }

    /** The S256 challenge of a verifier. */
    public static String challengeOf(String verifier) {
        try {
            return BASE64URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** {@code bytes} random bytes as base64url without padding, e.g. a one-time state. */
    static String randomToken(SecureRandom random, int bytes) {
        byte[] token = new byte[bytes];
        random.nextBytes(token);
        return BASE64URL.encodeToString(token);
    }

    @Override
    public String toString() {
        return "Pkce[challenge=" + challenge + "]";
    }
}
