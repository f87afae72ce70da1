package casebird.harness.crm;

import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Remembers the outcome of every keyed SDK call so a repeat returns it unchanged. */
final class IdempotencyLedger {

    /** A call's outcome: exactly one of a result and a failure. */
    private record Outcome(CaseUpdate result, CrmException failure) {}

    private final Map<String, Outcome> outcomes = new HashMap<>();

    /** The first call's result, marked unchanged, if the key was seen; else empty. */
    Optional<CaseUpdate> replay(String key) throws CrmException {
        Outcome outcome = outcomes.get(key);
        if (outcome == null) {
            return Optional.empty();
        }
        if (outcome.failure() != null) {
            throw outcome.failure();
        }
        return Optional.of(new CaseUpdate(outcome.result().after(), false));
    }

    void recordResult(String key, CaseUpdate result) {
        outcomes.put(key, new Outcome(result, null));
    }

    void recordFailure(String key, CrmException failure) {
        outcomes.put(key, new Outcome(null, failure));
    }
}
