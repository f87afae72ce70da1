package casebird.twitter.testing;

import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmSdk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An in-memory CRM of users, their custom fields and queues; a case change is only recorded,
 * once per idempotency key, as the real CRM applies it once.
 */
public final class FakeCrm implements CrmSdk {

    /** One case change the CRM applied. */
    public record Change(String kind, long caseId, String user) {}

    private final Map<String, CaseUpdate> updatesByKey = new HashMap<>();
    private final List<Change> changes = new ArrayList<>();

    private final Map<String, Map<String, String>> users = new LinkedHashMap<>();
    private final Map<String, List<String>> queues = new HashMap<>();
    private int directoryReads;

    /** Adds a user with an optional Twitter handle field value and queue memberships. */
    public FakeCrm user(String login, String twitter, String... queueNames) {
        Map<String, String> fields = new HashMap<>();
        if (twitter != null) {
            fields.put("twitter", twitter);
        }
        users.put(login, fields);
        for (String q : queueNames) {
            queues.computeIfAbsent(q, k -> new ArrayList<>()).add(login);
        }
        return this;
    }

    @Override
    public Optional<CrmCase> findCase(long caseId) {
        return Optional.empty();
    }

    @Override
    public List<CrmCase> openCasesOwnedBy(String login) {
        return List.of();
    }

    /** Every case change applied, in order; a call repeating a key applied none. */
    public synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    @Override
    public CaseUpdate accept(long caseId, String asUser, String idempotencyKey) {
        return change("accept", caseId, asUser, idempotencyKey);
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey) {
        return change("note", caseId, asUser, idempotencyKey);
    }

    @Override
    public CaseUpdate close(long caseId, String asUser, Optional<String> note, String key) {
        return change("close", caseId, asUser, key);
    }

    /** Applies a change unless its key was seen; a repeat returns the first call's result. */
    private synchronized CaseUpdate change(String kind, long caseId, String user, String key) {
        return updatesByKey.computeIfAbsent(key, k -> {
            changes.add(new Change(kind, caseId, user));
            return new CaseUpdate(new CrmCase(caseId, "Case " + caseId, CaseStatus.ACCEPTED,
                    Optional.empty(), Optional.of(user), List.of()), true);
        });
    }

    @Override
    public List<String> queueMembers(String queue) {
        return List.copyOf(queues.getOrDefault(queue, List.of()));
    }

    @Override
    public boolean userExists(String login) {
        return users.containsKey(login);
    }

    @Override
    public Optional<String> userField(String login, String field) {
        return Optional.ofNullable(users.getOrDefault(login, Map.of()).get(field));
    }

    /** How many times the whole directory was read ({@link #usersWithField}). */
    public int directoryReads() {
        return directoryReads;
    }

    @Override
    public Map<String, String> usersWithField(String field) {
        directoryReads++;
        Map<String, String> out = new LinkedHashMap<>();
        users.forEach((login, fields) -> {
            if (fields.containsKey(field)) {
                out.put(login, fields.get(field));
            }
        });
        return out;
    }
}
