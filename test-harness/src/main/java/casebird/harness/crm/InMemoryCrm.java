package casebird.harness.crm;

import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import casebird.api.rule.RuleEvent;
import casebird.harness.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A CRM held in memory that enforces the CRM's rules, records every effect it applies
 * and fires the rule events a real CRM would; thread-safe (every call holds one lock).
 */
public final class InMemoryCrm implements CrmSdk, AutoCloseable {

    private final CallJournal journal;
    private final EventRelay events = new EventRelay();
    private final CallLock calls;
    private final CrmDirectory directory = new CrmDirectory();
    private final CaseBook cases = new CaseBook(events, new CasePolicy(directory));

    /** A CRM with no users, queues or cases that stamps everything with the clock's time. */
    public InMemoryCrm(Clock clock) {
        this.journal = new CallJournal(clock);
        this.calls = new CallLock(journal, events);
    }

    /**
     * A CRM kept in a journal file: rebuilt by replaying the calls the file holds (their
     * events go to {@code replayedEvents} only), then writing every new call through to the
     * file before its effect can be seen. {@link #close()} closes the file.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or written
     */
    public static InMemoryCrm open(Clock clock, Path file, Consumer<RuleEvent> replayedEvents) {
        InMemoryCrm crm = new InMemoryCrm(clock);
        crm.events.addListener(replayedEvents);
        crm.journal.replayThenWrite(JsonLinesJournal.open(file, CrmChange.class), crm);
        crm.events.removeListener(replayedEvents);
        return crm;
    }

    /**
     * Adds a user with no custom fields.
     *
     * @throws IllegalArgumentException when the login is blank or already taken
     */
    public void addUser(String login) {
        directoryCall(() -> directory.addUser(login), at -> new CrmChange.AddUser(login, at));
    }

    /**
     * Sets (or replaces) a user's custom field.
     *
     * @throws IllegalArgumentException when the user is unknown or the value blank
     */
    public void setUserField(String login, String field, String value) {
        directoryCall(() -> directory.setField(login, field, value),
                at -> new CrmChange.SetField(login, field, value, at));
    }

    /** Adds a queue with no members; does nothing when it exists. */
    public void addQueue(String queue) {
        directoryCall(() -> directory.addQueue(queue), at -> new CrmChange.AddQueue(queue, at));
    }

    /**
     * Makes a user a member of a queue, creating the queue as needed.
     *
     * @throws IllegalArgumentException when the user is unknown
     */
    public void addQueueMember(String queue, String login) {
        directoryCall(() -> directory.addQueueMember(queue, login),
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
        Map<String, String> copy = Map.copyOf(caseAttributes);
        return calls.call(() -> {
            cases.requireNew(id);
            return kase;
        }, at -> new CrmChange.CreateCase(id, title, copy, at), (created, at) -> {
            cases.add(created, copy);
            return created;
        });
    }

    /** The attributes a case was created with (e.g. customer); empty for an unknown case. */
    public Map<String, String> caseAttributes(long caseId) {
        return locked(() -> cases.attributes(caseId));
    }

    /**
     * Dispatches a case to a queue as the CRM itself does, firing case-dispatched.
     *
     * @param actor who dispatched it, as the event names them
     * @throws IllegalArgumentException when the case or the queue is unknown
     * @throws IllegalStateException when the case is accepted or closed
     */
    public CrmCase dispatch(long caseId, String queue, String actor) {
        CrmCase after = calls.call(() -> cases.dispatchable(caseId, queue,
                directory.queueExists(queue)),
                at -> new CrmChange.Dispatch(caseId, queue, actor, at),
                (dispatched, at) -> {
                    cases.apply(dispatched, "dispatch", actor, "",
                            RuleEvent.Type.CASE_DISPATCHED, at);
                    return dispatched;
                });
        events.deliver();
        return after;
    }

    /** Calls the listener with every event, after the effect is applied, in order. */
    public void addEventListener(Consumer<RuleEvent> listener) {
        events.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Every effect applied so far, oldest first. */
    public List<CrmEffect> effects() {
        return locked(cases::effects);
    }

    /** Every case, by id. */
    public List<CrmCase> cases() {
        return locked(cases::all);
    }

    /** Every queue's name, in the order the queues were made. */
    public List<String> queues() {
        return locked(directory::queues);
    }

    @Override
    public Optional<CrmCase> findCase(long caseId) {
        return locked(() -> cases.find(caseId));
    }

    @Override
    public List<CrmCase> openCasesOwnedBy(String login) {
        return locked(() -> cases.openCasesOwnedBy(login));
    }

    @Override
    public CaseUpdate accept(long caseId, String asUser, String idempotencyKey)
            throws CrmException {
        return calls.keyed(idempotencyKey,
                at -> new CrmChange.Accept(caseId, asUser, idempotencyKey, at),
                (none, at) -> cases.accept(caseId, asUser, idempotencyKey, at));
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey)
            throws CrmException {
        requireNote(text);
        return calls.keyed(idempotencyKey,
                at -> new CrmChange.LogNote(caseId, asUser, text, idempotencyKey, at),
                (none, at) -> cases.logNote(caseId, asUser, text, idempotencyKey, at));
    }

    @Override
    public CaseUpdate close(
            long caseId, String asUser, Optional<String> note, String idempotencyKey)
            throws CrmException {
        note.ifPresent(InMemoryCrm::requireNote);
        return calls.keyed(idempotencyKey, at -> new CrmChange.Close(caseId, asUser,
                note.orElse(null), idempotencyKey, at),
                (none, at) -> cases.close(caseId, asUser, note, idempotencyKey, at));
    }

    @Override
    public List<String> queueMembers(String queue) {
        return locked(() -> directory.queueMembers(queue));
    }

    @Override
    public boolean userExists(String login) {
        return locked(() -> directory.userExists(login));
    }

    @Override
    public Optional<String> userField(String login, String field) {
        return locked(() -> directory.field(login, field));
    }

    @Override
    public Map<String, String> usersWithField(String field) {
        return locked(() -> directory.usersWithField(field));
    }

    /** Closes the journal file of a CRM made by {@link #open}; nothing to do otherwise. */
    @Override
    public void close() {
        calls.close();
    }

    /** Changes the directory, then writes the call down; the directory fires no events. */
    private void directoryCall(Runnable change, Function<String, CrmChange> call) {
        calls.call(() -> {
            change.run();
            return null;
        }, call, (none, at) -> null);
    }

    private <T> T locked(CallLock.Work<T, RuntimeException> query) {
        return calls.locked(query);
    }

    private static void requireNote(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a note must not be blank");
        }
    }
}
