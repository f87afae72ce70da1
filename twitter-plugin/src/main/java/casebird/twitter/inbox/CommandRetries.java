package casebird.twitter.inbox;

import casebird.twitter.budget.Backoff;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts the failed attempts of DMs whose command failed unexpectedly and says when each
 * may be tried again, so that a poison DM is parked after a bounded number of attempts
 * instead of holding up the inbox. The counts live in memory: a restart gives a DM that
 * has not been parked yet its attempts afresh, which still bounds each start.
 */
final class CommandRetries {

    private record Failures(int count, Instant retryAt) {}

    private final int attempts;
    private final Backoff backoff;
    private final Clock clock;
    private final Map<Long, Failures> failing = new HashMap<>();

    CommandRetries(int attempts, Backoff backoff, Clock clock) {
        this.attempts = attempts;
        this.backoff = backoff;
        this.clock = clock;
    }

    /** Whether that event may be tried now: it never failed, or its backoff is over. */
    boolean due(long eventId) {
        Failures f = failing.get(eventId);
        return f == null || !clock.instant().isBefore(f.retryAt());
    }

    /** Records a failed attempt; returns whether the event used its last one and is parked. */
    boolean failed(long eventId) {
        int count = failing.containsKey(eventId) ? failing.get(eventId).count() + 1 : 1;
        if (count >= attempts) {
            failing.remove(eventId);
            return true;
        }
        failing.put(eventId, new Failures(count,
                clock.instant().plus(backoff.delayAfter(count))));
        return false;
    }

    /** Forgets the failures of an event that was handled. */
    void succeeded(long eventId) {
        failing.remove(eventId);
    }
}
