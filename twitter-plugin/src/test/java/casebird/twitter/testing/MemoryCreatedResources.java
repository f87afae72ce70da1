package casebird.twitter.testing;

import casebird.twitter.push.CreatedResources;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What the plugin created for push, kept in memory instead of the store. */
public final class MemoryCreatedResources implements CreatedResources {

    private final Map<Kind, Set<String>> ids = new EnumMap<>(Kind.class);

    @Override
    public synchronized Set<String> ids(Kind kind) {
        return new LinkedHashSet<>(ids.getOrDefault(kind, Set.of()));
    }

    @Override
    public synchronized void created(Kind kind, String id) {
        ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(id);
    }

    @Override
    public synchronized void removed(Kind kind, String id) {
        ids.getOrDefault(kind, new LinkedHashSet<>()).remove(id);
    }
}
