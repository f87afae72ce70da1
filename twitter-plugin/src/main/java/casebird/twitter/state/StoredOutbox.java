package casebird.twitter.state;

import casebird.twitter.outbox.Outbox;
import casebird.twitter.outbox.OutboxEntry;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * The outbox in the store: its entries, their index, the keys of notices already queued
 * (so a rule event's notice is queued once) and the last id given out.
 */
final class StoredOutbox implements Outbox {

    private final StateStore store;
    private final MVMap<Long, String> outbox;
    private final MVMap<String, Long> notified;
    private final MVMap<String, String> meta;
    private final OutboxIndex index;

    StoredOutbox(StateStore store, MVMap<Long, String> outbox, MVMap<String, Long> notified,
            MVMap<String, String> meta, OutboxIndex index) {
        this.store = store;
        this.outbox = outbox;
        this.notified = notified;
        this.meta = meta;
        this.index = index;
    }

    @Override
    public int appendNotices(String ruleEventId, List<OutboxEntry> entries) {
        synchronized (store) {
            int added = 0;
            for (OutboxEntry e : entries) {
                String key = Hashing.sha256().hashString(ruleEventId + "\n" + e.to().kind()
                        + "\n" + e.to().value() + "\n" + e.text(), StandardCharsets.UTF_8)
                        .toString();
                if (notified.putIfAbsent(key, e.notBefore().toEpochMilli()) == null) {
                    put(e);
                    added++;
                }
            }
            store.commit();
            return added;
        }
    }

    /** Queues an entry under the next id; the caller commits. */
    void put(OutboxEntry e) {
        long id = Long.parseLong(meta.getOrDefault(MetaKeys.OUTBOX_SEQ, "0")) + 1;
        meta.put(MetaKeys.OUTBOX_SEQ, Long.toString(id));
        OutboxEntry entry = e.withId(id);
        outbox.put(id, EntryCodec.encode(entry));
        index.add(entry, e.notBefore());
    }

    /** Forgets the keys of notices queued before {@code cutoff}; the caller commits. */
    boolean forgetNoticesBefore(long cutoff) {
        return StateStore.removeOlder(notified, cutoff);
    }

    @Override
    public List<OutboxEntry> due(Instant now) {
        synchronized (store) {
            List<OutboxEntry> entries = new ArrayList<>();
            for (long id : index.dueIds(now)) {
                entries.add(EntryCodec.decode(id, outbox.get(id)));
            }
            return entries;
        }
    }

    @Override
    public Optional<Instant> nextDue(boolean reply) {
        synchronized (store) {
            return index.nextDue(reply);
        }
    }

    @Override
    public Optional<Instant> oldestQueuedAt() {
        synchronized (store) {
            return outbox.isEmpty() ? Optional.empty() : index.queuedAt(outbox.firstKey());
        }
    }

    @Override
    public Instant queuedAt(OutboxEntry entry) {
        synchronized (store) {
            return index.queuedAt(entry.id()).orElse(entry.notBefore());
        }
    }

    @Override
    public List<OutboxEntry> entries() {
        synchronized (store) {
            List<OutboxEntry> entries = new ArrayList<>(outbox.size());
            for (Map.Entry<Long, String> e : outbox.entrySet()) {
                entries.add(EntryCodec.decode(e.getKey(), e.getValue()));
            }
            return entries;
        }
    }

    @Override
    public int size() {
        synchronized (store) {
            return outbox.size();
        }
    }

    @Override
    public void remove(List<Long> ids) {
        synchronized (store) {
            drop(ids);
            store.commit();
        }
    }

    /** Removes entries; the caller commits. */
    void drop(List<Long> ids) {
        for (long id : ids) {
            String line = outbox.remove(id);
            if (line != null) {
                index.remove(EntryCodec.decode(id, line));
            }
        }
    }

    @Override
    public void update(OutboxEntry entry) {
        synchronized (store) {
            String line = outbox.get(entry.id());
            if (line != null) {
                index.move(EntryCodec.decode(entry.id(), line), entry);
                outbox.put(entry.id(), EntryCodec.encode(entry));
                store.commit();
            }
        }
    }
}
