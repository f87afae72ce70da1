package casebird.harness.crm;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.rule.RuleEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM's cases, their attributes and every effect applied to them, each firing its rule
 * event; not thread-safe (the CRM locks).
 */
final class CaseBook {

    private final EventRelay events;
    private final CasePolicy policy;
    private final Map<Long, CrmCase> cases = new HashMap<>();
    private final Map<Long, Map<String, String>> attributes = new HashMap<>();
    private final Map<Long, Integer> acceptOrder = new HashMap<>();
    private final List<CrmEffect> effects = new ArrayList<>();

    CaseBook(EventRelay events, CasePolicy policy) {
        this.events = events;
        this.policy = policy;
    }

    /** @throws IllegalArgumentException when a case already has that id */
    void requireNew(long id) {
        if (cases.containsKey(id)) {
            throw new IllegalArgumentException("case already exists: " + id);
        }
    }

    void add(CrmCase kase, Map<String, String> caseAttributes) {
        cases.put(kase.id(), kase);
        attributes.put(kase.id(), caseAttributes);
    }

    Map<String, String> attributes(long caseId) {
        return attributes.getOrDefault(caseId, Map.of());
    }

    Optional<CrmCase> find(long caseId) {
        return Optional.ofNullable(cases.get(caseId));
    }

    CrmCase caseOf(long caseId) throws CaseNotFoundException {
        CrmCase kase = cases.get(caseId);
        if (kase == null) {
            throw new CaseNotFoundException(caseId);
        }
        return kase;
    }

    List<CrmCase> all() {
        return cases.values().stream().sorted(Comparator.comparingLong(CrmCase::id)).toList();
    }

    /** The user's open cases, the most recently accepted first. */
    List<CrmCase> openCasesOwnedBy(String login) {
        return cases.values().stream()
                .filter(c -> c.status() != CaseStatus.CLOSED)
                .filter(c -> c.owner().equals(Optional.of(login)))
                .sorted(Comparator.comparing((CrmCase c) -> acceptOrder.get(c.id())).reversed())
                .toList();
    }

    List<CrmEffect> effects() {
        return List.copyOf(effects);
    }

    /**
     * The case as a dispatch to the queue leaves it.
     *
     * @throws IllegalArgumentException when the case or the queue is unknown
     * @throws IllegalStateException when the case is accepted or closed
     */
    CrmCase dispatchable(long caseId, String queue, boolean queueExists) {
        CrmCase kase = cases.get(caseId);
        if (kase == null || !queueExists) {
            throw new IllegalArgumentException(kase == null
                    ? "no such case: " + caseId : "no such queue: " + queue);
        }
        if (kase.status() != CaseStatus.OPEN && kase.status() != CaseStatus.DISPATCHED) {
            throw new IllegalStateException("case " + caseId + " is " + kase.status().word()
                    + ": only open or dispatched cases can be dispatched");
        }
        return new CrmCase(caseId, kase.title(), CaseStatus.DISPATCHED, Optional.of(queue),
                Optional.empty(), kase.notes());
    }

    /** The user accepts the case, unless it is theirs already. */
    CaseUpdate accept(long caseId, String user, String key, Instant at) throws CrmException {
        CrmCase kase = caseOf(caseId);
        if (policy.checkAccept(kase, user)) {
            return new CaseUpdate(kase, false);
        }
        CrmCase after = new CrmCase(caseId, kase.title(), CaseStatus.ACCEPTED, kase.queue(),
                Optional.of(user), kase.notes());
        apply(after, "accept", user, key, RuleEvent.Type.CASE_ACCEPTED, at);
        acceptOrder.put(caseId, effects.size());
        return new CaseUpdate(after, true);
    }

    /** The user logs a note on the case. */
    CaseUpdate logNote(long caseId, String user, String text, String key, Instant at)
            throws CrmException {
        CrmCase kase = caseOf(caseId);
        policy.checkLog(kase, user);
        CrmCase after = withNote(kase, user, text, at);
        apply(after, "note", user, key, RuleEvent.Type.NOTE_LOGGED, at);
        return new CaseUpdate(after, true);
    }

    /** The user closes the case, logging the note first if there is one. */
    CaseUpdate close(long caseId, String user, Optional<String> note, String key, Instant at)
            throws CrmException {
        CrmCase kase = caseOf(caseId);
        policy.checkClose(kase, user);
        if (note.isPresent()) {
            kase = withNote(kase, user, note.get(), at);
            effects.add(new CrmEffect(caseId, "note", user, key, at));
        }
        CrmCase after = new CrmCase(caseId, kase.title(), CaseStatus.CLOSED, kase.queue(),
                kase.owner(), kase.notes());
        apply(after, "close", user, key, RuleEvent.Type.CASE_CLOSED, at);
        return new CaseUpdate(after, true);
    }

    /** Stores the case as it is after an effect, records the effect and queues its event. */
    void apply(CrmCase after, String kind, String user, String key, RuleEvent.Type type,
            Instant at) {
        cases.put(after.id(), after);
        effects.add(new CrmEffect(after.id(), kind, user, key, at));
        events.enqueue(new RuleEvent("evt-" + effects.size(), type, at, after, user));
    }

    private static CrmCase withNote(CrmCase kase, String author, String text, Instant at) {
        List<CaseNote> notes = new ArrayList<>(kase.notes());
        notes.add(new CaseNote(author, text, at));
        return new CrmCase(kase.id(), kase.title(), kase.status(), kase.queue(), kase.owner(),
                notes);
    }
}
