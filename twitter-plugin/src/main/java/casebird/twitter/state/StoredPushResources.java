package casebird.twitter.state;

import casebird.twitter.push.CreatedResources;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.h2.mvstore.MVMap;

/** The push resources the plugin created, as comma lists in the store's meta map. */
final class StoredPushResources implements CreatedResources {

    private final StateStore store;
    private final MVMap<String, String> meta;

    StoredPushResources(StateStore store, MVMap<String, String> meta) {
        this.store = store;
        this.meta = meta;
    }

    @Override
    public Set<String> ids(Kind kind) {
        synchronized (store) {
            String list = meta.getOrDefault(key(kind), "");
            Set<String> ids = new LinkedHashSet<>();
            Arrays.stream(list.split(",")).filter(id -> !id.isEmpty()).forEach(ids::add);
            return ids;
        }
    }

    @Override
    public void created(Kind kind, String id) {
        synchronized (store) {
            Set<String> ids = ids(kind);
            ids.add(id);
            save(kind, ids);
        }
    }

    @Override
    public void removed(Kind kind, String id) {
        synchronized (store) {
            Set<String> ids = ids(kind);
            ids.remove(id);
            save(kind, ids);
        }
    }

    private void save(Kind kind, Set<String> ids) {
        if (ids.isEmpty()) {
            meta.remove(key(kind));
        } else {
            meta.put(key(kind), String.join(",", ids));
        }
        store.commit();
    }

    private static String key(Kind kind) {
        return "push-created-" + kind.name().toLowerCase(Locale.ROOT);
    }
}
