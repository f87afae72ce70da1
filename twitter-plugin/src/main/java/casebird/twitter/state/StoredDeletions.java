package casebird.twitter.state;

import casebird.twitter.inbox.Deletions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.h2.mvstore.MVMap;

/** Handled DMs waiting to be deleted, at most a thousand of them. */
final class StoredDeletions implements Deletions {

    private static final int MAX_DELETIONS = 1_000;

    private final StateStore store;
    private final MVMap<Long, Long> deletions;

    StoredDeletions(StateStore store, MVMap<Long, Long> deletions) {
        this.store = store;
        this.deletions = deletions;
    }

    @Override
    public List<Long> next(int max) {
        synchronized (store) {
            List<Long> ids = new ArrayList<>();
            for (Long id : deletions.keySet()) {
                if (ids.size() == max) {
                    break;
                }
                ids.add(id);
            }
            return ids;
        }
    }

    @Override
    public void remove(long eventId) {
        synchronized (store) {
            deletions.remove(eventId);
            store.commit();
        }
    }

    /** Queues a handled DM's deletion unless a thousand wait; the caller commits. */
    void add(long eventId, Instant at) {
        if (deletions.size() < MAX_DELETIONS) {
            deletions.put(eventId, at.toEpochMilli());
        }
    }
}
