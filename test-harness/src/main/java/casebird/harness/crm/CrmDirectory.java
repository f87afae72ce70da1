package casebird.harness.crm;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** The CRM's users, their custom fields and its queues; not thread-safe (the CRM locks). */
final class CrmDirectory {

    private final Map<String, Map<String, String>> fieldsByLogin = new HashMap<>();
    private final Map<String, Set<String>> membersByQueue = new LinkedHashMap<>();

    void addUser(String login) {
        requireText(login, "login");
        if (fieldsByLogin.containsKey(login)) {
            throw new IllegalArgumentException("user already exists: " + login);
        }
        fieldsByLogin.put(login, new HashMap<>());
    }

    boolean userExists(String login) {
        return fieldsByLogin.containsKey(login);
    }

    void setField(String login, String field, String value) {
        requireText(field, "field");
        requireText(value, "value of field " + field);
        fieldsOf(login).put(field, value);
    }

    Optional<String> field(String login, String field) {
        return Optional.ofNullable(fieldsByLogin.getOrDefault(login, Map.of()).get(field));
    }

    /** Login to value, ordered by login. */
    Map<String, String> usersWithField(String field) {
        Map<String, String> found = new TreeMap<>();
        fieldsByLogin.forEach((login, fields) -> {
            String value = fields.get(field);
            if (value != null) {
                found.put(login, value);
            }
        });
        return Collections.unmodifiableMap(found);
    }

    void addQueue(String queue) {
        requireText(queue, "queue");
        membersByQueue.computeIfAbsent(queue, q -> new LinkedHashSet<>());
    }

    List<String> queues() {
        return List.copyOf(membersByQueue.keySet());
    }

    boolean queueExists(String queue) {
        return membersByQueue.containsKey(queue);
    }

    void addQueueMember(String queue, String login) {
        fieldsOf(login);
        addQueue(queue);
        membersByQueue.get(queue).add(login);
    }

    List<String> queueMembers(String queue) {
        return List.copyOf(membersByQueue.getOrDefault(queue, Set.of()));
    }

    boolean isMember(Optional<String> queue, String login) {
        return queue.map(q -> membersByQueue.getOrDefault(q, Set.of()).contains(login))
                .orElse(false);
    }

    private Map<String, String> fieldsOf(String login) {
        Map<String, String> fields = fieldsByLogin.get(login);
        if (fields == null) {
            throw new IllegalArgumentException("no such user: " + login);
        }
        return fields;
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }
}
