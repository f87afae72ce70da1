package casebird.twitter.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** Finds the valid name an admin most likely meant, by edit distance, for a readable hint. */
final class NearestName {

    private NearestName() {}

    /** The candidate closest to {@code typed}, if one is near enough to be a likely typo. */
    static Optional<String> among(Collection<String> candidates, String typed) {
        String t = typed.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(c.toLowerCase(Locale.ROOT), t))
                        .thenComparing(Comparator.naturalOrder()))
                .filter(c -> distance(c.toLowerCase(Locale.ROOT), t)
                        <= Math.max(2, c.length() / 3));
    }

    /** Levenshtein distance: insertions, deletions and substitutions of one character. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
