package casebird.twitter.testing;

import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.CrmSdk;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A working in-memory CRM of users (with a Twitter handle field and queues) and cases under
 * {@link CaseRules}, recording every change it applies and every idempotency key it is given.
 *
 * <p>As {@link CrmSdk} promises, a call with a key already seen returns the first call's
 * result, {@code changed} flag included, or throws its refusal again, and applies nothing.
 */
public final class FakeCrm implements CrmSdk {

    /** One case change the CRM applied: {@code accept}, {@code note} or {@code close}. */
    public record Change(String kind, long caseId, String user) {}

    private record User(Map<String, String> fields, Set<String> queues) {}

    private interface Call {
        CaseUpdate run() throws CrmException;
    }

    private final Clock clock;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<Long, CrmCase> cases = new LinkedHashMap<>();
    private final Map<String, Object> outcomesByKey = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();
    private final List<String> keysSeen = new ArrayList<>();
    private int directoryReads;
    private RuntimeException outage;

    /** A CRM whose notes are all written at the epoch. */
    public FakeCrm() {
        this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** A CRM that stamps notes with that clock's time. */
    public FakeCrm(Clock clock) {
        this.clock = clock;
    }

    /** Adds (or replaces) a user with an optional Twitter handle field and its queues. */
    public synchronized FakeCrm user(String login, String twitter, String... queues) {
        Map<String, String> fields = new HashMap<>();
        if (twitter != null) {
            fields.put("twitter", twitter);
        }
        users.put(login, new User(fields, Set.copyOf(Arrays.asList(queues))));
        return this;
    }

    /** Adds an open case, in no queue yet. */
    public FakeCrm openCase(long id, String title) {
        return put(new CrmCase(id, title, CaseStatus.OPEN, Optional.empty(), Optional.empty(),
                List.of()));
    }

    /** Adds a case dispatched to a queue, owned by nobody yet. */
    public FakeCrm dispatchedCase(long id, String title, String queue) {
        return put(new CrmCase(id, title, CaseStatus.DISPATCHED, Optional.of(queue),
                Optional.empty(), List.of()));
    }

    /** Adds a case its owner accepted from a queue. */
    public FakeCrm acceptedCase(long id, String title, String queue, String owner) {
        return put(new CrmCase(id, title, CaseStatus.ACCEPTED, Optional.of(queue),
                Optional.of(owner), List.of()));
    }

    /** Adds a case its owner closed. */
    public FakeCrm closedCase(long id, String title, String queue, String owner) {
        return put(new CrmCase(id, title, CaseStatus.CLOSED, Optional.of(queue),
                Optional.of(owner), List.of()));
    }

    /** From now on every call fails with that failure, as a CRM that is down would. */
    public synchronized void goDown(RuntimeException failure) {
        outage = failure;
    }

    /** The case with that id as it is now, or null. */
    public synchronized CrmCase caseNumber(long id) {
        return cases.get(id);
    }

    /** Every case change applied, in order; a call repeating a key applied none. */
    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The idempotency key of every change call, in order, repeats included. */
    public synchronized List<String> keysSeen() {
        return List.copyOf(keysSeen);
    }

    /** How many times the whole directory was read ({@link #usersWithField}). */
    public synchronized int directoryReads() {
        return directoryReads;
    }

    @Override
    public synchronized Optional<CrmCase> findCase(long caseId) {
        checkUp();
        return Optional.ofNullable(cases.get(caseId));
    }

    @Override
    public synchronized List<CrmCase> openCasesOwnedBy(String login) {
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
    public synchronized CaseUpdate accept(long caseId, String asUser, String key)
            throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId);
            if (CaseRules.checkAccept(c, asUser, queuesOf(asUser))) {
                return new CaseUpdate(c, false);
            }
            return apply(c, "accept", asUser, CaseStatus.ACCEPTED, Optional.of(asUser),
                    Optional.empty());
        });
    }

    @Override
    public synchronized CaseUpdate logNote(long caseId, String asUser, String text, String key)
            throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId);
            CaseRules.checkLog(c, asUser, queuesOf(asUser));
            return apply(c, "note", asUser, c.status(), c.owner(), Optional.of(text));
        });
    }

    @Override
    public synchronized CaseUpdate close(long caseId, String asUser, Optional<String> note,
            String key) throws CrmException {
        return once(key, () -> {
            CrmCase c = existing(caseId);
            CaseRules.checkClose(c, asUser, queuesOf(asUser));
            return apply(c, "close", asUser, CaseStatus.CLOSED, c.owner(), note);
        });
    }

    @Override
    public synchronized List<String> queueMembers(String queue) {
        checkUp();
        List<String> members = new ArrayList<>();
        users.forEach((login, user) -> {
            if (user.queues().contains(queue)) {
                members.add(login);
            }
        });
        return members;
    }

    @Override
    public synchronized boolean userExists(String login) {
        checkUp();
        return users.containsKey(login);
    }

    @Override
    public synchronized Optional<String> userField(String login, String field) {
        checkUp();
        return Optional.ofNullable(users.get(login)).map(u -> u.fields().get(field));
    }

    @Override
    public synchronized Map<String, String> usersWithField(String field) {
        checkUp();
        directoryReads++;
        Map<String, String> out = new LinkedHashMap<>();
        users.forEach((login, user) -> {
            if (user.fields().containsKey(field)) {
                out.put(login, user.fields().get(field));
            }
        });
        return out;
    }

    /** Runs a keyed call unless its key was seen; a repeat answers as the first call did. */
    private CaseUpdate once(String key, Call call) throws CrmException {
        checkUp();
        keysSeen.add(key);
        Object earlier = outcomesByKey.get(key);
        if (earlier instanceof CrmException refusal) {
            throw refusal;
        }
        if (earlier instanceof CaseUpdate update) {
            return update;
        }
        try {
            CaseUpdate update = call.run();
            outcomesByKey.put(key, update);
            return update;
        } catch (CrmException refusal) {
            outcomesByKey.put(key, refusal);
            throw refusal;
        }
    }

    private CaseUpdate apply(CrmCase c, String kind, String user, CaseStatus status,
            Optional<String> owner, Optional<String> note) {
        List<CaseNote> notes = new ArrayList<>(c.notes());
        note.ifPresent(text -> notes.add(new CaseNote(user, text, clock.instant())));
        CrmCase after = new CrmCase(c.id(), c.title(), status, c.queue(), owner, notes);
        put(after);
        changes.add(new Change(kind, c.id(), user));
        return new CaseUpdate(after, true);
    }

    private CrmCase existing(long caseId) throws CaseNotFoundException {
        CrmCase c = cases.get(caseId);
        if (c == null) {
            throw new CaseNotFoundException(caseId);
        }
        return c;
    }

    private Set<String> queuesOf(String login) {
        User user = users.get(login);
        return user == null ? null : user.queues();
    }

    private synchronized FakeCrm put(CrmCase c) {
        cases.put(c.id(), c);
        return this;
    }

    private void checkUp() {
        if (outage != null) {
            throw outage;
        }
    }
}
