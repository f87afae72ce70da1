package casebird.twitter.config;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads typed settings from the admin's map, collecting a sentence per problem instead of
 * stopping at the first, and remembering every name it was asked for so that
 * {@link #unknownNames()} can point out a mistyped key.
 */
final class SettingsReader {

    /** No setting's value is longer: the longest real one, a URL, is far shorter. */
    static final int MAX_CHARS = 1_000;
    /** No duration is longer: the longest default is a day. */
    static final Duration MAX_DURATION = Duration.ofDays(7);

    private final Map<String, String> raw;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> known = new LinkedHashSet<>();

    SettingsReader(Map<String, String> raw) {
        this.raw = raw;
    }

    List<String> problems() {
        return problems;
    }

    private Optional<String> value(String name) {
        known.add(name);
        Optional<String> v =
                Optional.ofNullable(raw.get(name)).map(String::trim).filter(t -> !t.isEmpty());
        if (v.isPresent() && v.get().length() > MAX_CHARS) {
            problems.add("setting '" + name + "' is " + v.get().length() + " characters long;"
                    + " at most " + MAX_CHARS + " are allowed");
        }
        return v;
    }

    private Optional<String> valueOrAlias(String name, String alias) {
        Optional<String> v = value(name);
        Optional<String> a = value(alias);
        return v.or(() -> a);
    }

    /** A required value, under its name or its twitter4j alias; {@code what} tells the admin. */
    String required(String name, String alias, String what) {
        Optional<String> v = valueOrAlias(name, alias);
        if (v.isEmpty()) {
            problems.add("setting '" + name + "' (or '" + alias + "') is missing: " + what);
        }
        return v.orElse("");
    }

    /** A required value; {@code what} tells the admin. */
    String required(String name, String what) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            problems.add("setting '" + name + "' is missing: " + what);
        }
        return v.orElse("");
    }

    /** Whether any of the names holds a value. */
    boolean has(String... names) {
        boolean any = false;
        for (String name : names) {
            any |= value(name).isPresent();
        }
        return any;
    }

    /** Adds a problem found by a reader of several settings together. */
    void problem(String sentence) {
        problems.add(sentence);
    }

    /** An optional value that must be one of {@code words}, compared case-insensitively. */
    Optional<String> oneOf(String name, String... words) {
        Optional<String> v = value(name).map(t -> t.toLowerCase(Locale.ROOT));
        if (v.isPresent() && !List.of(words).contains(v.get())) {
            problems.add("setting '" + name + "' must be " + String.join(" or ", words) + ": '"
                    + v.get() + "'");
            return Optional.empty();
        }
        return v;
    }

    /** An optional amount of US dollars, e.g. {@code 5} or {@code 0.015}, at least zero. */
    Optional<BigDecimal> dollars(String name) {
        Optional<String> v = value(name);
        if (v.isPresent() && !v.get().matches("\\d{1,6}(\\.\\d{1,6})?")) {
            problems.add("setting '" + name + "' is not an amount of US dollars like 5 or"
                    + " 0.015: '" + v.get() + "'");
            return Optional.empty();
        }
        return v.map(BigDecimal::new);
    }

    String text(String name, String fallback) {
        return value(name).orElse(fallback);
    }

    /** An optional value that must match {@code pattern}; {@code what} tells the admin. */
    Optional<String> optional(String name, String pattern, String what) {
        Optional<String> v = value(name);
        if (v.isPresent() && !v.get().matches(pattern)) {
            problems.add("setting '" + name + "' must be " + what + ": '" + v.get() + "'");
        }
        return v;
    }

    /** An http(s) URL under its name or alias, returned ending with a slash. */
    String url(String name, String alias, String fallback) {
        String v = valueOrAlias(name, alias).orElse(fallback);
        try {
            URI uri = new URI(v);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                problems.add("setting '" + name + "' must be an http(s) URL like " + fallback
                        + ": '" + v + "'");
            }
        } catch (URISyntaxException e) {
            problems.add("setting '" + name + "' is not a URL (" + e.getReason() + "): '"
                    + v + "'");
        }
        return v.endsWith("/") ? v : v + "/";
    }

    /** A true/false setting, false when absent. */
    boolean flag(String name) {
        String v = text(name, "false");
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            problems.add("setting '" + name + "' must be true or false: '" + v + "'");
        }
        return v.equalsIgnoreCase("true");
    }

    /** A duration of at most a week. */
    Duration duration(String name, String fallback) {
        return duration(name, fallback, MAX_DURATION);
    }

    /** A duration of at most {@code max} (written in whole hours, minutes or seconds). */
    Duration duration(String name, String fallback, Duration max) {
        String v = text(name, fallback);
        Optional<Duration> d = Durations.parse(v);
        if (d.isEmpty()) {
            problems.add("setting '" + name + "' is not a positive duration like 500ms, 2s,"
                    + " 1m, 1h or PT2S: '" + v + "'");
        } else if (d.get().compareTo(max) > 0) {
            problems.add("setting '" + name + "' must be at most " + Durations.text(max)
                    + ": '" + v + "'");
        }
        return d.orElse(Duration.ofSeconds(1));
    }

    /** A whole number from 0 to {@code max}. */
    int count(String name, int fallback, int max) {
        Optional<String> v = value(name);
        if (v.isEmpty()) {
            return fallback;
        }
        if (!v.get().matches("\\d{1,9}")) {
            problems.add("setting '" + name + "' is not a whole number >= 0: '" + v.get() + "'");
            return fallback;
        }
        int n = Integer.parseInt(v.get());
        if (n > max) {
            problems.add("setting '" + name + "' must be at most " + max + ": '" + n + "'");
        }
        return n;
    }

    /** Adds a problem for each key of the map that no read asked for, with the nearest name. */
    void rejectUnknownNames() {
        for (String name : raw.keySet()) {
            if (!known.contains(name)) {
                problems.add("setting '" + name + "' is unknown" + NearestName.among(known, name)
                        .map(n -> "; did you mean '" + n + "'?")
                        .orElse("; valid settings are " + String.join(", ", known)));
            }
        }
    }
}
