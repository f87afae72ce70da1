package casebird.twitter.identity;

import java.util.Optional;
import java.util.function.Function;

/** The durable pins of Twitter ids, each under a key naming a screen name and its user. */
public interface Pins {

    /** The Twitter id pinned under that key. */
    Optional<Long> pinnedId(String key);

    /** Pins a key to the Twitter id its name resolved to; a pin is never replaced. */
    long pin(String key, long twitterId);

    /**
     * Moves or forgets pins at once: {@code newKey} gives each key the key its pin moves to
     * (the same key to keep it), or nothing to forget it; a move never replaces a pin the
     * new key already holds.
     */
    void rekey(Function<String, Optional<String>> newKey);
}
