package casebird.harness.twitter;

import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/** The answered calls in the order they arrived, whatever order they finished in. */
final class CallLog {

    private final AtomicLong sequence = new AtomicLong();
    private final ConcurrentSkipListMap<Long, RecordedCall> calls = new ConcurrentSkipListMap<>();

    /** A ticket fixing a call's place when it arrives. */
    long arrive() {
        return sequence.incrementAndGet();
    }

    void record(long ticket, RecordedCall call) {
        calls.put(ticket, call);
    }

    List<RecordedCall> all() {
        return List.copyOf(calls.values());
    }
}
