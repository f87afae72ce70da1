package casebird.twitter.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps the state file small while the plugin runs: once per interval it compacts the file
 * if the file is mostly dead chunks, which MVStore without auto-commit never does itself.
 */
public final class StoreUpkeep {

    private final StateStore store;
    private final Duration interval;
    private final Duration maxTime;
    private final Clock clock;
    private Instant next = Instant.MIN;

    /** Checks the store every {@code interval}, compacting for at most {@code maxTime}. */
    public StoreUpkeep(StateStore store, Duration interval, Duration maxTime, Clock clock) {
        this.store = store;
        this.interval = interval;
        this.maxTime = maxTime;
        this.clock = clock;
    }

    /** Compacts the file if an interval has passed since the last check and it is sparse. */
    public void runIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(next)) {
            return;
        }
        next = now.plus(interval);
        store.compactIfSparse(maxTime);
    }
}
