package casebird.twitter.client.v2;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** An HTTP answer: status, headers by lower-case name (the first value of each) and body. */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    HttpAnswer {
        headers = Map.copyOf(headers);
    }

    /** The header's value, by case-insensitive name. */
    Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The header as a whole number, when present and readable. */
    OptionalLong number(String name) {
        try {
            return header(name).map(v -> OptionalLong.of(Long.parseLong(v.trim())))
                    .orElse(OptionalLong.empty());
        } catch (NumberFormatException malformed) {
            return OptionalLong.empty();
        }
    }

    boolean successful() {
        return status >= 200 && status < 300;
    }
}
