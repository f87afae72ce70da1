package casebird.twitter.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * How often the inbox is read: every scheduler tick (the poll interval) without push, only
 * every reconciliation interval while push deliveries arrive.
 */
public final class PollCadence {

    private final Duration pollInterval;
    private final Duration reconcileInterval;
    private final BooleanSupplier pushActive;
    private final Clock clock;
    private volatile Instant lastPoll = Instant.MIN;

    /** A cadence that slows to {@code reconcileInterval} while {@code pushActive} holds. */
    public PollCadence(Duration pollInterval, Duration reconcileInterval,
            BooleanSupplier pushActive, Clock clock) {
        this.pollInterval = pollInterval;
        this.reconcileInterval = reconcileInterval;
        this.pushActive = pushActive;
        this.clock = clock;
    }

    /** A cadence for a plugin without push: the inbox is read at every tick. */
    public static PollCadence pollingOnly(Duration pollInterval, Clock clock) {
        return new PollCadence(pollInterval, pollInterval, () -> false, clock);
    }

    /** The interval between reads that holds now. */
    public Duration interval() {
        return pushActive.getAsBoolean() ? reconcileInterval : pollInterval;
    }

    /** Whether the inbox may be read now; at full rate, always. */
    public boolean due() {
        return !clock.instant().isBefore(earliestNext());
    }

    /** The first moment the inbox may be read again: at full rate, any moment. */
    public Instant earliestNext() {
        return pushActive.getAsBoolean() ? lastPoll.plus(reconcileInterval) : Instant.MIN;
    }

    /**
     * Lets the next read go as soon as the planner allows, even while push works: after a
     * stream (re)connects, so that nothing sent while it was down is missed.
     */
    public void readSoon() {
        lastPoll = Instant.MIN;
    }

    /** Notes a read of the inbox starting now. */
    public void polled() {
        lastPoll = clock.instant();
    }
}
