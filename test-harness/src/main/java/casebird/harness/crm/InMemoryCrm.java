package casebird.harness.crm;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import casebird.api.rule.RuleEvent;
import casebird.harness.journal.JsonLinesJournal;
import java.nio.file.Path;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A CRM held in memory that enforces the CRM's rules, journals every effect it applies
 * and fires the rule events a real CRM would; thread-safe.
 */
public final class InMemoryCrm implements CrmSdk, AutoCloseable {

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
    private Consumer<CrmChange> changeLog = change -> { };
    private JsonLinesJournal<CrmChange> journalFile;
    private Instant replayAt;
    private Instant callTime;

    /** A CRM with no users, queues or cases that stamps everything with the clock's time. */
    public InMemoryCrm(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A CRM kept in a journal file: rebuilt by replaying the calls the file holds (their
     * events go to {@code replayedEvents} only), then writing every new call through to the
     * file before its effect can be seen. {@link #close()} closes the file.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or written
     */
    public static InMemoryCrm open(Clock clock, Path file, Consumer<RuleEvent> replayedEvents) {
        JsonLinesJournal.Opened<CrmChange> opened = JsonLinesJournal.open(file, CrmChange.class);
        InMemoryCrm crm = new InMemoryCrm(clock);
        crm.journalFile = opened.journal();
        crm.events.addListener(replayedEvents);
        crm.replayThenLog(opened.records(), opened.journal()::append);
        crm.events.removeListener(replayedEvents);
        return crm;
    }

    /**
     * Adds a user with no custom fields.
     *
     * @throws IllegalArgumentException when the login is blank or already taken
     */
    public void addUser(String login) {
        locked(() -> directory.addUser(login), at -> new CrmChange.AddUser(login, at));
    }

    /**
     * Sets (or replaces) a user's custom field.
     *
     * @throws IllegalArgumentException when the user is unknown or the value blank
     */
    public void setUserField(String login, String field, String value) {
        locked(() -> directory.setField(login, field, value),
                at -> new CrmChange.SetField(login, field, value, at));
    }

    /** Adds a queue with no members; does nothing when it exists. */
    public void addQueue(String queue) {
        locked(() -> directory.addQueue(queue), at -> new CrmChange.AddQueue(queue, at));
    }

    /**
     * Makes a user a member of a queue, creating the queue as needed.
     *
     * @throws IllegalArgumentException when the user is unknown
     */
    public void addQueueMember(String queue, String login) {
        locked(() -> directory.addQueueMember(queue, login),
                at -> new CrmChange.AddMember(queue, login, at));
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
            if (cases.containsKey(id)) {
                throw new IllegalArgumentException("case already exists: " + id);
            }
            Map<String, String> copy = Map.copyOf(caseAttributes);
            record(new CrmChange.CreateCase(id, title, copy, startCall()));
            cases.put(id, kase);
            attributes.put(id, copy);
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
            record(new CrmChange.Dispatch(caseId, queue, actor, startCall()));
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

    /** Every case, by id. */
    public List<CrmCase> cases() {
        return read(() -> cases.values().stream().sorted(Comparator.comparingLong(CrmCase::id))
                .toList());
    }

    /** Every queue's name, in the order the queues were made. */
    public List<String> queues() {
        return read(directory::queues);
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
        Function<String, CrmChange> call =
                at -> new CrmChange.Accept(caseId, asUser, idempotencyKey, at);
        return keyed(idempotencyKey, call, () -> {
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
        Function<String, CrmChange> call =
                at -> new CrmChange.LogNote(caseId, asUser, text, idempotencyKey, at);
        return keyed(idempotencyKey, call, () -> {
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
        Function<String, CrmChange> call = at -> new CrmChange.Close(caseId, asUser,
                note.orElse(null), idempotencyKey, at);
        return keyed(idempotencyKey, call, () -> {
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

    private CaseUpdate keyed(String key, Function<String, CrmChange> call, Change change)
            throws CrmException {
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
            record(call.apply(startCall()));
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
        notes.add(new CaseNote(author, text, callTime));
        return new CrmCase(kase.id(), kase.title(), kase.status(), kase.queue(), kase.owner(),
                notes);
    }

    private void apply(CrmCase after, String kind, String user, String key, RuleEvent.Type type) {
        cases.put(after.id(), after);
        journal(after.id(), kind, user, key);
        events.enqueue(new RuleEvent("evt-" + effectCount, type, callTime, after, user));
    }

    private void journal(long caseId, String kind, String user, String key) {
        effectCount++;
        journal.add(new JournalEntry(caseId, kind, user, key, callTime));
    }

    /** Closes the journal file of a CRM made by {@link #open}; nothing to do otherwise. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (journalFile != null) {
                journalFile.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private <T> T read(Supplier<T> query) {
        lock.lock();
        try {
            return query.get();
        } finally {
            lock.unlock();
        }
    }

    private void locked(Runnable action, Function<String, CrmChange> call) {
        lock.lock();
        try {
            action.run();
            record(call.apply(startCall()));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fixes the time of the call being made (the recorded one during a replay) and returns
     * it as the journal writes it; call under the lock.
     */
    private String startCall() {
        callTime = replayAt != null ? replayAt : clock.instant();
        return callTime.toString();
    }

    /** Writes a call to the change log before its effect can be seen; under the lock. */
    private void record(CrmChange change) {
        changeLog.accept(change);
    }

    /**
     * Replays recorded calls, each at its own time, with events delivered as usual, and
     * from then on hands every new call to {@code log} before applying it; under no lock
     * (only the opening thread knows this CRM yet).
     */
    private void replayThenLog(List<CrmChange> changes, Consumer<CrmChange> log) {
        for (CrmChange change : changes) {
            replayAt = Instant.parse(change.at());
            change.replay(this);
        }
        replayAt = null;
        changeLog = Objects.requireNonNull(log, "log");
    }

    private static void requireNote(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note must not be blank");
        }
    }
}
