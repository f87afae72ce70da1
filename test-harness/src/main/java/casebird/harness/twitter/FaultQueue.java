package casebird.harness.twitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pending faults, each taken by its next {@code times} matching calls (or by every one, for
 * {@link Fault#ALWAYS}), oldest fault first.
 */
final class FaultQueue {

    private static final class Pending {
        private final Fault fault;
        private int left;

        private Pending(Fault fault) {
            this.fault = fault;
            this.left = fault.times();
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    synchronized void add(Fault fault) {
        pending.add(new Pending(fault));
    }

    /** The fault this call suffers, if any, counting it against that fault's times. */
    synchronized Optional<Fault> take(Endpoint endpoint, OptionalLong recipient) {
        for (Pending p : pending) {
            if (p.fault.matches(endpoint, recipient)) {
                if (p.left != Fault.ALWAYS) {
                    p.left--;
                }
                if (p.left == 0) {
                    pending.remove(p);
                }
                return Optional.of(p.fault);
            }
        }
        return Optional.empty();
    }
}
