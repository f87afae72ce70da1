package casebird.harness.crm;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import casebird.api.rule.RuleEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A CRM held in memory that enforces the CRM's rules, journals every effect it applies
 * and fires the rule events a real CRM would; thread-safe.
 */
public final class InMemoryCrm implements CrmSdk {

    /**
     * One effect the CRM applied.
     *
     * @param kind {@code dispatch}, {@code accept}, {@code note} or {@code close}
     * @param idempotencyKey the SDK call's key; empty for a CRM-side dispatch, which has none
     */
    public record JournalEntry(
            long caseId, String kind, String user, String idempotencyKey, Instant at) {}

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final CrmDirectory directory = new CrmDirectory();
    private final CasePolicy policy = new CasePolicy(directory);
    private final IdempotencyLedger ledger = new IdempotencyLedger();
    private final EventRelay events = new EventRelay();
    private final Map<Long, CrmCase> cases = new HashMap<>();
    private final Map<Long, Map<String, String>> attributes = new HashMap<>();
    private final Map<Long, Long> acceptOrder = new HashMap<>();
    private final List<JournalEntry> journal = new ArrayList<>();
    private long effectCount;

    /** A CRM with no users, queues or cases that stamps everything with the clock's time. */
    public InMemoryCrm(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Adds a user with no custom fields.
     *
     * @throws IllegalArgumentException when the login is blank or already taken
     */
    public void addUser(String login) {
        locked(() -> directory.addUser(login));
    }

    /**
     * Sets (or replaces) a user's custom field.
     *
     * @throws IllegalArgumentException when the user is unknown or the value blank
     */
    public void setUserField(String login, String field, String value) {
        locked(() -> directory.setField(login, field, value));
    }

    /** Adds a queue with no members; does nothing when it exists. */
    public void addQueue(String queue) {
        locked(() -> directory.addQueue(queue));
    }

    /**
     * Makes a user a member of a queue, creating the queue as needed.
     *
     * @throws IllegalArgumentException when the user is unknown
     */
    public void addQueueMember(String queue, String login) {
        locked(() -> directory.addQueueMember(queue, login));
    }

    /**
     * Creates an open case with no queue, owner or notes.
     *
     * @throws IllegalArgumentException when a case already has that id
     */
    public CrmCase createCase(long id, String title, Map<String, String> caseAttributes) {
        CrmCase kase = new CrmCase(id, title, CaseStatus.OPEN, Optional.empty(),
                Optional.empty(), List.of());
        lock.lock();
        try {
            if (cases.putIfAbsent(id, kase) != null) {
                throw new IllegalArgumentException("case already exists: " + id);
            }
            attributes.put(id, Map.copyOf(caseAttributes));
            return kase;
        } finally {
            lock.unlock();
        }
    }

    /** The attributes a case was created with (e.g. customer); empty for an unknown case. */
    public Map<String, String> caseAttributes(long caseId) {
        return read(() -> attributes.getOrDefault(caseId, Map.of()));
    }

    /**
     * Dispatches a case to a queue as the CRM itself does, firing case-dispatched.
     *
     * @param actor who dispatched it, as the event names them
     * @throws IllegalArgumentException when the case or the queue is unknown
     * @throws IllegalStateException when the case is accepted or closed
     */
    public CrmCase dispatch(long caseId, String queue, String actor) {
        CrmCase after;
        lock.lock();
        try {
            CrmCase kase = cases.get(caseId);
            if (kase == null || !directory.queueExists(queue)) {
                throw new IllegalArgumentException(kase == null
                        ? "no such case: " + caseId : "no such queue: " + queue);
            }
            if (kase.status() != CaseStatus.OPEN && kase.status() != CaseStatus.DISPATCHED) {
                throw new IllegalStateException("case " + caseId + " is " + kase.status().word()
                        + ": only open or dispatched cases can be dispatched");
            }
            after = new CrmCase(caseId, kase.title(), CaseStatus.DISPATCHED, Optional.of(queue),
                    Optional.empty(), kase.notes());
            apply(after, "dispatch", actor, "", RuleEvent.Type.CASE_DISPATCHED);
        } finally {
            lock.unlock();
        }
        events.deliver();
        return after;
    }

    /** Calls the listener with every event, after the effect is applied, in order. */
    public void addEventListener(Consumer<RuleEvent> listener) {
        events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Every effect applied so far, oldest first. */
    public List<JournalEntry> journal() {
        return read(() -> List.copyOf(journal));
    }

    @Override
    public Optional<CrmCase> findCase(long caseId) {
        return read(() -> Optional.ofNullable(cases.get(caseId)));
    }

    @Override
    public List<CrmCase> openCasesOwnedBy(String login) {
        return read(() -> cases.values().stream()
                .filter(c -> c.status() != CaseStatus.CLOSED)
                .filter(c -> c.owner().equals(Optional.of(login)))
                .sorted(Comparator.comparing((CrmCase c) -> acceptOrder.get(c.id())).reversed())
                .toList());
    }

    @Override
    public CaseUpdate accept(long caseId, String asUser, String idempotencyKey)
            throws CrmException {
        return keyed(idempotencyKey, () -> {
            CrmCase kase = caseOf(caseId);
            if (policy.checkAccept(kase, asUser)) {
                return new CaseUpdate(kase, false);
            }
            CrmCase after = new CrmCase(caseId, kase.title(), CaseStatus.ACCEPTED, kase.queue(),
                    Optional.of(asUser), kase.notes());
            apply(after, "accept", asUser, idempotencyKey, RuleEvent.Type.CASE_ACCEPTED);
            acceptOrder.put(caseId, effectCount);
            return new CaseUpdate(after, true);
        });
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey)
            throws CrmException {
        requireNote(text);
        return keyed(idempotencyKey, () -> {
            CrmCase kase = caseOf(caseId);
            policy.checkLog(kase, asUser);
            CrmCase after = withNote(kase, asUser, text);
            apply(after, "note", asUser, idempotencyKey, RuleEvent.Type.NOTE_LOGGED);
            return new CaseUpdate(after, true);
        });
    }

    @Override
    public CaseUpdate close(
            long caseId, String asUser, Optional<String> note, String idempotencyKey)
            throws CrmException {
        note.ifPresent(InMemoryCrm::requireNote);
        return keyed(idempotencyKey, () -> {
            CrmCase kase = caseOf(caseId);
            policy.checkClose(kase, asUser);
            if (note.isPresent()) {
                kase = withNote(kase, asUser, note.get());
                journal(caseId, "note", asUser, idempotencyKey);
            }
            CrmCase after = new CrmCase(caseId, kase.title(), CaseStatus.CLOSED, kase.queue(),
                    kase.owner(), kase.notes());
            apply(after, "close", asUser, idempotencyKey, RuleEvent.Type.CASE_CLOSED);
            return new CaseUpdate(after, true);
        });
    }

    @Override
    public List<String> queueMembers(String queue) {
        return read(() -> directory.queueMembers(queue));
    }

    @Override
    public boolean userExists(String login) {
        return read(() -> directory.userExists(login));
    }

    @Override
    public Optional<String> userField(String login, String field) {
        return read(() -> directory.field(login, field));
    }

    @Override
    public Map<String, String> usersWithField(String field) {
        return read(() -> directory.usersWithField(field));
    }

    /** A change made under the lock that may fail with the CRM's typed failures. */
    private interface Change {
        CaseUpdate apply() throws CrmException;
    }

    private CaseUpdate keyed(String key, Change change) throws CrmException {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("idempotency key must not be blank");
        }
        CaseUpdate result;
        lock.lock();
        try {
            Optional<CaseUpdate> replayed = ledger.replay(key);
            if (replayed.isPresent()) {
                return replayed.get();
            }
            try {
                result = change.apply();
            } catch (CrmException failure) {
                ledger.recordFailure(key, failure);
                throw failure;
            }
            ledger.recordResult(key, result);
        } finally {
            lock.unlock();
        }
        events.deliver();
        return result;
    }

    private CrmCase caseOf(long caseId) throws CaseNotFoundException {
        CrmCase kase = cases.get(caseId);
        if (kase == null) {
            throw new CaseNotFoundException(caseId);
        }
        return kase;
    }

    private CrmCase withNote(CrmCase kase, String author, String text) {
        List<CaseNote> notes = new ArrayList<>(kase.notes());
        notes.add(new CaseNote(author, text, clock.instant()));
        return new CrmCase(kase.id(), kase.title(), kase.status(), kase.queue(), kase.owner(),
                notes);
    }

    private void apply(CrmCase after, String kind, String user, String key, RuleEvent.Type type) {
        cases.put(after.id(), after);
        journal(after.id(), kind, user, key);
        events.enqueue(new RuleEvent("evt-" + effectCount, type, clock.instant(), after, user));
    }

    private void journal(long caseId, String kind, String user, String key) {
        effectCount++;
        journal.add(new JournalEntry(caseId, kind, user, key, clock.instant()));
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action) {
        lock.lock();
        try {
            action.run();
        } finally {
            lock.unlock();
        }
    }

    private static void requireNote(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note must not be blank");
        }
    }
}
