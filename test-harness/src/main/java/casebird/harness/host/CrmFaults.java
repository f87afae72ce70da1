package casebird.harness.host;

import casebird.harness.twitter.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * CRM failures a scenario scripts: each fault makes the next {@code times} SDK calls of the
 * plugin fail (or every one, for {@link Fault#ALWAYS}), only calls about one case if it names one.
 * Every host instance of a world shares them, so they outlast restarts and crashes.
 */
public final class CrmFaults {

    /** What a faulted SDK call throws: a failure the SDK has no typed exception for. */
    public static final class InjectedFailure extends IllegalStateException {
        InjectedFailure(OptionalLong caseId) {
            super("the CRM failed (a scripted fault" + (caseId.isPresent()
                    ? " on case " + caseId.getAsLong() : "") + ")");
        }
    }

    private static final class Pending {
        private final OptionalLong caseId;
        private int left;

        private Pending(OptionalLong caseId, int times) {
            this.caseId = caseId;
            this.left = times;
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Fails the next {@code times} calls, only those about {@code caseId} if present. */
    public synchronized void add(OptionalLong caseId, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        pending.add(new Pending(caseId, times));
    }

    /**
     * Throws if a pending fault takes this call, about {@code caseId} or about no case.
     *
     * @throws InjectedFailure when a fault applies, counting the call against it
     */
    synchronized void check(OptionalLong caseId) {
        for (Pending p : pending) {
            if (p.caseId.isEmpty() || p.caseId.equals(caseId)) {
                if (p.left != Fault.ALWAYS && --p.left == 0) {
                    pending.remove(p);
                }
                throw new InjectedFailure(p.caseId);
            }
        }
    }
}
