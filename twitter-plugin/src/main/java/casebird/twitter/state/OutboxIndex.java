package casebird.twitter.state;

import casebird.twitter.outbox.OutboxEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The outbox's indexes, so that a send tick reads only the entries due and never decodes
 * the whole outbox: a key per entry ordered by kind (replies before notices), due time and
 * id, and the time each entry was queued (for the outbox's age). The store changes them in
 * the same commits as the outbox itself.
 */
final class OutboxIndex {

    private static final String REPLY = "R";
    private static final String NOTICE = "N";

    private final MVMap<String, Long> due;
    private final MVMap<Long, Long> queued;

    OutboxIndex(MVStore store) {
        this.due = store.openMap("outbox-due");
        this.queued = store.openMap("outbox-queued");
    }

    /** Indexes an outbox written before the index existed (or out of step with it). */
    void rebuildIfStale(MVMap<Long, String> outbox) {
        if (due.size() == outbox.size()) {
            return;
        }
        due.clear();
        for (Map.Entry<Long, String> e : outbox.entrySet()) {
            OutboxEntry entry = EntryCodec.decode(e.getKey(), e.getValue());
            due.put(key(entry), entry.id());
            queued.putIfAbsent(entry.id(), entry.notBefore().toEpochMilli());
        }
    }

    void add(OutboxEntry entry, Instant queuedAt) {
        due.put(key(entry), entry.id());
        queued.put(entry.id(), queuedAt.toEpochMilli());
    }

    void remove(OutboxEntry entry) {
        due.remove(key(entry));
        queued.remove(entry.id());
    }

    void move(OutboxEntry before, OutboxEntry after) {
        due.remove(key(before));
        due.put(key(after), after.id());
    }

    /** The ids of the entries due at {@code now}: replies, then notices, each by due time. */
    List<Long> dueIds(Instant now) {
        List<Long> ids = new ArrayList<>();
        for (String kind : List.of(REPLY, NOTICE)) {
            Iterator<String> keys = due.keyIterator(kind);
            while (keys.hasNext()) {
                String key = keys.next();
                if (!key.startsWith(kind) || dueAt(key).isAfter(now)) {
                    break;
                }
                ids.add(due.get(key));
            }
        }
        return ids;
    }

    /** When the earliest reply (or notice) is due, if one is queued. */
    Optional<Instant> nextDue(boolean reply) {
        String kind = reply ? REPLY : NOTICE;
        return Optional.ofNullable(due.ceilingKey(kind)).filter(k -> k.startsWith(kind))
                .map(OutboxIndex::dueAt);
    }

    /** When that entry was queued, if the index knows. */
    Optional<Instant> queuedAt(long id) {
        return Optional.ofNullable(queued.get(id)).map(Instant::ofEpochMilli);
    }

    private static String key(OutboxEntry e) {
        return String.format("%s%019d:%019d", e.reply() ? REPLY : NOTICE,
                e.notBefore().toEpochMilli(), e.id());
    }

    private static Instant dueAt(String key) {
        return Instant.ofEpochMilli(Long.parseLong(key.substring(1, key.indexOf(':'))));
    }
}
