package casebird.twitter.identity;

import java.util.Locale;
import java.util.Optional;

/** Reads a CRM handle field's value: a numeric Twitter id, or a screen name with or without @. */
final class HandleValue {

    private HandleValue() {}

    /** The id the value holds, if it is a number that fits Twitter's 64-bit ids. */
    static Optional<Long> numericId(String fieldValue) {
        String value = fieldValue.trim();
        if (!isNumeric(value) || value.length() > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }

    /** The screen name the value holds, lower-cased, if it is neither numeric nor blank. */
    static Optional<String> screenName(String fieldValue) {
        String value = fieldValue.trim();
        String bare = value.startsWith("@") ? value.substring(1) : value;
        return bare.isEmpty() || isNumeric(value)
                ? Optional.empty() : Optional.of(bare.toLowerCase(Locale.ROOT));
    }

    private static boolean isNumeric(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
