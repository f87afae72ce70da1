package casebird.harness.twitter;

import java.security.SecureRandom;
import java.util.Random;

/** Random credentials in the alphabet Twitter uses for keys and tokens. */
final class RandomTokens {

    private static final String ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    /** A random string of that many letters and digits. */
    static String next(int length) {
        return next(length, RANDOM);
    }

    /** A string of that many letters and digits drawn from {@code random}. */
    static String next(int length, Random random) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
