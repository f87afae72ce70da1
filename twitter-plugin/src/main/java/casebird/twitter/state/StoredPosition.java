package casebird.twitter.state;

import casebird.twitter.inbox.Position;
import java.util.OptionalLong;
import org.h2.mvstore.MVMap;

/** The poller's position and floor, kept in the store's meta map. */
final class StoredPosition implements Position {

    private final StateStore store;
    private final MVMap<String, String> meta;

    StoredPosition(StateStore store, MVMap<String, String> meta) {
        this.store = store;
        this.meta = meta;
    }

    @Override
    public OptionalLong position() {
        synchronized (store) {
            String p = meta.get(MetaKeys.POSITION);
            return p == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(p));
        }
    }

    @Override
    public long floor() {
        synchronized (store) {
            return Long.parseLong(meta.getOrDefault(MetaKeys.FLOOR, "0"));
        }
    }

    @Override
    public void startAt(long eventId) {
        synchronized (store) {
            meta.put(MetaKeys.POSITION, Long.toString(eventId));
            meta.put(MetaKeys.FLOOR, Long.toString(eventId));
            store.commit();
        }
    }

    @Override
    public void advance(long eventId) {
        synchronized (store) {
            put(eventId);
            store.commit();
        }
    }

    /** Moves the position (never backwards) without committing; the caller commits. */
    void put(long eventId) {
        OptionalLong current = position();
        if (current.isEmpty() || eventId > current.getAsLong()) {
            meta.put(MetaKeys.POSITION, Long.toString(eventId));
        }
    }
}
