package casebird.twitter.state;

import casebird.twitter.inbox.Parked;
import casebird.twitter.inbox.Processed;
import casebird.twitter.outbox.OutboxEntry;
import java.time.Instant;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;

/**
 * The handled DM events and the parked ones; handling one writes its reply, deletion and
 * position through the other views in the same commit.
 */
final class StoredEvents implements Processed, Parked {

    private static final int MAX_PARKED = 100;

    private final StateStore store;
    private final MVMap<Long, Long> processed;
    private final MVMap<Long, String> parked;
    private final StoredOutbox outbox;
    private final StoredPosition position;
    private final StoredDeletions deletions;

    StoredEvents(StateStore store, MVMap<Long, Long> processed, MVMap<Long, String> parked,
            StoredOutbox outbox, StoredPosition position, StoredDeletions deletions) {
        this.store = store;
        this.processed = processed;
        this.parked = parked;
        this.outbox = outbox;
        this.position = position;
        this.deletions = deletions;
    }

    @Override
    public boolean isProcessed(long eventId) {
        synchronized (store) {
            return processed.containsKey(eventId);
        }
    }

    @Override
    public void complete(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater) {
        synchronized (store) {
            if (mark(eventId, at, reply, deleteLater)) {
                position.put(eventId);
                store.commit();
            }
        }
    }

    @Override
    public void completeDelivered(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater) {
        synchronized (store) {
            if (mark(eventId, at, reply, deleteLater)) {
                store.commit();
            }
        }
    }

    @Override
    public void park(long eventId, Instant at, OutboxEntry reply, String about,
            boolean delivered, boolean deleteLater) {
        synchronized (store) {
            if (mark(eventId, at, Optional.of(reply), deleteLater)) {
                parked.put(eventId, about);
                while (parked.size() > MAX_PARKED) {
                    parked.remove(parked.firstKey());
                }
                if (!delivered) {
                    position.put(eventId);
                }
                store.commit();
            }
        }
    }

    @Override
    public SortedMap<Long, String> parked() {
        synchronized (store) {
            return new TreeMap<>(parked);
        }
    }

    @Override
    public void forgetBefore(Instant before) {
        synchronized (store) {
            long cutoff = before.toEpochMilli();
            boolean changed = StateStore.removeOlder(processed, cutoff)
                    | outbox.forgetNoticesBefore(cutoff);
            if (changed) {
                store.commit();
            }
        }
    }

    private boolean mark(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater) {
        if (processed.putIfAbsent(eventId, at.toEpochMilli()) != null) {
            return false;
        }
        reply.ifPresent(outbox::put);
        if (deleteLater) {
            deletions.add(eventId, at);
        }
        return true;
    }
}
