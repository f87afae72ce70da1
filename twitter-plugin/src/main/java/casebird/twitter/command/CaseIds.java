package casebird.twitter.command;

import java.util.Optional;

/** Reads and checks the case numbers agents type: {@code 1234} or {@code #1234}. */
final class CaseIds {

    private CaseIds() {}

    /** The case id a word names, or empty if it is not a positive number that fits a long. */
    static Optional<Long> parse(String word) {
        String digits = word.startsWith("#") ? word.substring(1) : word;
        // Long.parseLong also takes '+' and non-ASCII digits; agents' ids are plain ASCII.
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        try {
            long id = Long.parseLong(digits);
            return id > 0 ? Optional.of(id) : Optional.empty();
        } catch (NumberFormatException overflow) {
            return Optional.empty();
        }
    }

    /** Throws IllegalArgumentException unless the id could name a case. */
    static void checkPositive(long caseId) {
        if (caseId <= 0) {
            throw new IllegalArgumentException("a case id must be positive: " + caseId);
        }
    }
}
