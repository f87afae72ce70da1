package casebird.twitter.testing;

import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmSdk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory CRM of users, their custom fields and queues; case changes are not faked. */
public final class FakeCrm implements CrmSdk {

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

    @Override
    public CaseUpdate accept(long caseId, String asUser, String idempotencyKey) {
        throw new UnsupportedOperationException("case changes are not part of these tests");
    }

    @Override
    public CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey) {
        throw new UnsupportedOperationException("case changes are not part of these tests");
    }

    @Override
    public CaseUpdate close(long caseId, String asUser, Optional<String> note, String key) {
        throw new UnsupportedOperationException("case changes are not part of these tests");
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
