package casebird.harness.twitter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToIntFunction;

/**
 * Pending faults, each taken by its next {@code times} matching calls (or by every one, for
 * {@link Fault#ALWAYS}), oldest fault first.
 *
 * @param <F> the kind of fault: an API call's {@link Fault} or a {@link WebhookFault}
 */
final class FaultQueue<F> {

    private final class Pending {
        private final F fault;
        private int left;

        private Pending(F fault) {
            this.fault = fault;
            this.left = times.applyAsInt(fault);
        }
    }

    private final ToIntFunction<F> times;
    private final List<Pending> pending = new ArrayList<>();

    /** A queue reading each fault's {@code times} with {@code times}. */
    FaultQueue(ToIntFunction<F> times) {
        this.times = times;
    }

    /** The queue of the API's faults. */
    static FaultQueue<Fault> ofCalls() {
        return new FaultQueue<>(Fault::times);
    }

    synchronized void add(F fault) {
        pending.add(new Pending(fault));
    }

    /** The oldest fault that {@code applies}, if any, counting it against its times. */
    synchronized Optional<F> take(Predicate<F> applies) {
        for (Pending p : pending) {
            if (applies.test(p.fault)) {
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
