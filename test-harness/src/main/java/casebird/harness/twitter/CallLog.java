package casebird.harness.twitter;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The answered calls in the order they arrived, whatever order they finished in.
 *
 * <p>A call's effect (a stored DM, say) becomes visible before the call is recorded, so a
 * reader that saw the effect could miss the call. {@link #all()} therefore waits, briefly,
 * for the calls that had already arrived when it was asked to be recorded or given up.
 */
final class CallLog {

    /** How long a reader waits for calls still being answered (a delay fault's, say). */
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(2);

    private final ConcurrentSkipListMap<Long, RecordedCall> calls = new ConcurrentSkipListMap<>();
    private final ConcurrentSkipListSet<Long> inFlight = new ConcurrentSkipListSet<>();
    private long sequence;

    /** A ticket fixing a call's place when it arrives; {@link #settle} must follow. */
    synchronized long arrive() {
        long ticket = ++sequence;
        inFlight.add(ticket);
        return ticket;
    }

    /** Records the answered call of a ticket. */
    void record(long ticket, RecordedCall call) {
        calls.put(ticket, call);
        settle(ticket);
    }

    /** Ends a ticket, recorded or not (a call that failed before it had an answer). */
    synchronized void settle(long ticket) {
        if (inFlight.remove(ticket)) {
            notifyAll();
        }
    }

    /** The recorded calls, once those that arrived before this request are answered. */
    List<RecordedCall> all() {
        awaitCallsBefore(IN_FLIGHT_WAIT);
        return List.copyOf(calls.values());
    }

    private synchronized void awaitCallsBefore(Duration patience) {
        long asked = sequence;
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (!inFlight.isEmpty() && inFlight.first() <= asked) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
