package casebird.harness.crm;

import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The CRM's one lock: under it each call is checked, written to the journal at its time
 * and then takes effect; rule events are delivered after the lock is let go, so that a
 * listener may call the CRM back.
 */
final class CallLock implements AutoCloseable {

    /** Work done under the lock, which may fail with {@code E}. */
    interface Work<T, E extends Exception> {
        T run() throws E;
    }

    /** A call's effect at the call's time, given what its check found. */
    interface Effect<C, T, E extends Exception> {
        T apply(C checked, Instant at) throws E;
    }

    /** A keyed SDK call's answer, and whether it is the answer to an earlier call. */
    private record Keyed(CaseUpdate update, boolean replayed) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final CallJournal journal;
    private final EventRelay events;
    private final IdempotencyLedger ledger = new IdempotencyLedger();

    CallLock(CallJournal journal, EventRelay events) {
        this.journal = journal;
        this.events = events;
    }

    /** Runs {@code work} holding the lock. */
    <T, E extends Exception> T locked(Work<T, E> work) throws E {
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock, runs {@code check} (which may refuse the call), writes the call down
     * (given its time as ISO-8601), then makes its {@code effect}; delivers no events.
     */
    <C, T, E extends Exception> T call(Work<C, ? extends E> check,
            Function<String, CrmChange> call, Effect<C, T, ? extends E> effect) throws E {
        return this.<T, E>locked(() -> {
            C checked = check.run();
            Instant at = journal.callTime();
            journal.record(call.apply(at.toString()));
            return effect.apply(checked, at);
        });
    }

    /**
     * Runs an SDK call once per key: a repeated key gets the first call's answer (or its
     * failure) again; a new one is written down, takes effect and then fires its events.
     *
     * @throws IllegalArgumentException when the key is blank
     */
    CaseUpdate keyed(String key, Function<String, CrmChange> call,
            Effect<Void, CaseUpdate, CrmException> effect) throws CrmException {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("idempotency key must not be blank");
        }
        Keyed outcome = this.<Keyed, CrmException>locked(() -> {
            Optional<CaseUpdate> replayed = ledger.replay(key);
            if (replayed.isPresent()) {
                return new Keyed(replayed.get(), true);
            }
            return new Keyed(this.<Void, CaseUpdate, CrmException>call(() -> null, call,
                    (none, at) -> once(key, effect, at)), false);
        });
        if (!outcome.replayed()) {
            events.deliver();
        }
        return outcome.update();
    }

    private CaseUpdate once(String key, Effect<Void, CaseUpdate, CrmException> effect,
            Instant at) throws CrmException {
        CaseUpdate update;
        try {
            update = effect.apply(null, at);
        } catch (CrmException failure) {
            ledger.recordFailure(key, failure);
            throw failure;
        }
        ledger.recordResult(key, update);
        return update;
    }

    /** Closes the journal under the lock. */
    @Override
    public void close() {
        locked(() -> {
            journal.close();
            return null;
        });
    }
}
