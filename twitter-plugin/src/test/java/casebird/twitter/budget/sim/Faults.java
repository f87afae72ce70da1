package casebird.twitter.budget.sim;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;

/** Injected failures: a share of all calls during one period fails, in every way in turn. */
final class Faults {

    /** How an injected call fails. */
    enum Kind {
        SERVER_ERROR, RATE_LIMITED, TIMEOUT, CONNECTION_RESET, GARBAGE;

        TwitterApiException failure(Endpoint endpoint, long resetEpochSeconds) {
            String what = endpoint.path() + " injected " + name();
            return switch (this) {
                case SERVER_ERROR -> new TwitterApiException(what, 503, -1, OptionalLong.empty(),
                        null);
                case RATE_LIMITED -> new TwitterApiException(what, 429, 88,
                        OptionalLong.of(resetEpochSeconds), null);
                case TIMEOUT, CONNECTION_RESET -> new TwitterApiException(what, -1, -1,
                        OptionalLong.empty(), null);
                case GARBAGE -> new TwitterApiException(what, 200, -1, OptionalLong.empty(),
                        null);
            };
        }
    }

    private final Instant from;
    private final Instant until;
    private final double share;
    private final Random random;
    private int turn;

    Faults(Instant from, Instant until, double share, Random random) {
        this.from = from;
        this.until = until;
        this.share = share;
        this.random = random;
    }

    static Faults none() {
        return new Faults(Instant.MIN, Instant.MIN, 0, new Random(0));
    }

    /** The failure of the call made now, if it is one of the share that fails. */
    Optional<Kind> next(Instant now) {
        if (now.isBefore(from) || !now.isBefore(until) || random.nextDouble() >= share) {
            return Optional.empty();
        }
        Kind[] kinds = Kind.values();
        return Optional.of(kinds[turn++ % kinds.length]);
    }
}
