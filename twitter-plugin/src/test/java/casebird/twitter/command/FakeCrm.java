package casebird.twitter.command;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseConflictException.Kind;
import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import casebird.api.crm.NotPermittedException;
import casebird.api.crm.NotPermittedException.Reason;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A working in-memory CRM with the scenario language's rules, recording every effect it
 * applies and every idempotency key it is given.
 */
final class FakeCrm implements CrmSdk {

    /** One change the CRM applied. */
    record Effect(long caseId, String kind, String user, String idempotencyKey) {}

    private final Clock clock;
    private final Map<String, Set<String>> queuesByUser = new HashMap<>();
    private final Map<Long, CrmCase> cases = new LinkedHashMap<>();
    private final Map<String, Object> outcomesByKey = new HashMap<>();
    private final List<Effect> journal = new ArrayList<>();
    private final List<String> keysSeen = new ArrayList<>();
    private RuntimeException outage;

    FakeCrm(Clock clock) {
        this.clock = clock;
    }

    FakeCrm user(String login, String... queues) {
        queuesByUser.put(login, Set.of(queues));
        return this;
    }

    FakeCrm openCase(long id, String title) {
        return put(new CrmCase(id, title, CaseStatus.OPEN, Optional.empty(), Optional.empty(),
                List.of()));
    }

    FakeCrm dispatchedCase(long id, String title, String queue) {
        return put(new CrmCase(id, title, CaseStatus.DISPATCHED, Optional.of(queue),
                Optional.empty(), List.of()));
    }

    FakeCrm acceptedCase(long id, String title, String queue, String owner) {
        return put(new CrmCase(id, title, CaseStatus.ACCEPTED, Optional.of(queue),
                Optional.of(owner), List.of()));
    }

    FakeCrm closedCase(long id, String title, String queue, String owner) {
        return put(new CrmCase(id, title, CaseStatus.CLOSED, Optional.of(queue),
                Optional.of(owner), List.of()));
    }

    /** From now on every call fails as a CRM that is down would. */
    void goDown(RuntimeException failure) {
        outage = failure;
    }

    CrmCase caseNumber(long id) {
        return cases.get(id);
    }

    List<Effect> journal() {
        return List.copyOf(journal);
    }

    List<String> keysSeen() {
        return List.copyOf(keysSeen);
    }

    @Override
    public Optional<CrmCase> findCase(long caseId) {
        checkUp();
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public List<CrmCase> openCasesOwnedBy(String login) {
        checkUp();
        List<CrmCase> owned = new ArrayList<>();
        for (CrmCase c : cases.values()) {
            if (c.status() != CaseStatus.CLOSED && c.owner().equals(Optional.of(login))) {
                owned.add(0, c);
            }
        }
        return owned;
    }

    @Override
    public CaseUpdate accept(long caseId, String asUser, String key) throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId, asUser);
            refuseIfClosed(c);
            if (c.owner().equals(Optional.of(asUser))) {
                return new CaseUpdate(c, false);
            }
            if (c.owner().isPresent()) {
                throw conflict(c, Kind.OWNED_BY_ANOTHER);
            }
            if (c.status() != CaseStatus.DISPATCHED) {
                throw conflict(c, Kind.NOT_DISPATCHED);
            }
            requireQueueMember(c, asUser);
            return apply(c, "accept", asUser, key, CaseStatus.ACCEPTED, Optional.of(asUser),
                    Optional.empty());
        });
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String key)
            throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId, asUser);
            refuseIfClosed(c);
            if (!c.owner().equals(Optional.of(asUser))) {
                requireQueueMember(c, asUser);
            }
            return apply(c, "log", asUser, key, c.status(), c.owner(), Optional.of(text));
        });
    }

    @Override
    public CaseUpdate close(long caseId, String asUser, Optional<String> note, String key)
            throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId, asUser);
            refuseIfClosed(c);
            if (!c.owner().equals(Optional.of(asUser))) {
                throw refusal(c, asUser, Reason.NOT_OWNER);
            }
            return apply(c, "close", asUser, key, CaseStatus.CLOSED, c.owner(), note);
        });
    }

    @Override
    public List<String> queueMembers(String queue) {
        checkUp();
        return queuesByUser.entrySet().stream()
                .filter(e -> e.getValue().contains(queue))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public boolean userExists(String login) {
        checkUp();
        return queuesByUser.containsKey(login);
    }

    @Override
    public Optional<String> userField(String login, String field) {
        throw new UnsupportedOperationException("the command language reads no user fields");
    }

    @Override
    public Map<String, String> usersWithField(String field) {
        throw new UnsupportedOperationException("the command language reads no user fields");
    }

    private interface Change {
        CaseUpdate run() throws CrmException;
    }

    private CaseUpdate once(String key, Change change) throws CrmException {
        checkUp();
        keysSeen.add(key);
        Object earlier = outcomesByKey.get(key);
        if (earlier instanceof CrmException refusal) {
            throw refusal;
        }
        if (earlier instanceof CaseUpdate update) {
            return new CaseUpdate(update.after(), false);
        }
        try {
            CaseUpdate update = change.run();
            outcomesByKey.put(key, update);
            return update;
        } catch (CrmException refusal) {
            outcomesByKey.put(key, refusal);
            throw refusal;
        }
    }

    private CaseUpdate apply(CrmCase c, String kind, String user, String key,
            CaseStatus status, Optional<String> owner, Optional<String> note) {
        List<CaseNote> notes = new ArrayList<>(c.notes());
        note.ifPresent(text -> notes.add(new CaseNote(user, text, clock.instant())));
        CrmCase after = new CrmCase(c.id(), c.title(), status, c.queue(), owner, notes);
        put(after);
        journal.add(new Effect(c.id(), kind, user, key));
        return new CaseUpdate(after, true);
    }

    private CrmCase existing(long caseId, String user) throws CrmException {
        CrmCase c = cases.get(caseId);
        if (c == null) {
            throw new CaseNotFoundException(caseId);
        }
        if (!queuesByUser.containsKey(user)) {
            throw refusal(c, user, Reason.UNKNOWN_USER);
        }
        return c;
    }

    private void refuseIfClosed(CrmCase c) throws CaseConflictException {
        if (c.status() == CaseStatus.CLOSED) {
            throw conflict(c, Kind.CLOSED);
        }
    }

    private void requireQueueMember(CrmCase c, String user) throws NotPermittedException {
        if (c.queue().filter(queuesByUser.get(user)::contains).isEmpty()) {
            throw refusal(c, user, Reason.NOT_IN_QUEUE);
        }
    }

    private static CaseConflictException conflict(CrmCase c, Kind kind) {
        return new CaseConflictException(c.id(), kind, c.status(), c.owner());
    }

    private static NotPermittedException refusal(CrmCase c, String user, Reason reason) {
        return new NotPermittedException(c.id(), user, reason, c.queue(), c.owner());
    }

    private FakeCrm put(CrmCase c) {
        cases.put(c.id(), c);
        return this;
    }

    private void checkUp() {
        if (outage != null) {
            throw outage;
        }
    }
}
