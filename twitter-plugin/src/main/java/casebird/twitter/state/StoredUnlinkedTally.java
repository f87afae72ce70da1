package casebird.twitter.state;

import casebird.twitter.inbox.UnlinkedTally;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/** The "not linked" replies: each sender's last one, and the day's count in the meta map. */
final class StoredUnlinkedTally implements UnlinkedTally {

    private final StateStore store;
    private final MVMap<Long, Long> unlinked;
    private final MVMap<String, String> meta;

    StoredUnlinkedTally(StateStore store, MVMap<Long, Long> unlinked,
            MVMap<String, String> meta) {
        this.store = store;
        this.unlinked = unlinked;
        this.meta = meta;
    }

    @Override
    public Optional<Instant> lastReply(long senderId) {
        synchronized (store) {
            return Optional.ofNullable(unlinked.get(senderId)).map(Instant::ofEpochMilli);
        }
    }

    @Override
    public void forgetBefore(Instant before) {
        synchronized (store) {
            if (StateStore.removeOlder(unlinked, before.toEpochMilli())) {
                store.commit();
            }
        }
    }

    @Override
    public int repliesOn(LocalDate day) {
        synchronized (store) {
            return day.toString().equals(meta.get(MetaKeys.UNLINKED_DAY))
                    ? Integer.parseInt(meta.getOrDefault(MetaKeys.UNLINKED_COUNT, "0")) : 0;
        }
    }

    @Override
    public void record(long senderId, Instant at, LocalDate day) {
        synchronized (store) {
            int count = repliesOn(day) + 1;
            unlinked.put(senderId, at.toEpochMilli());
            meta.put(MetaKeys.UNLINKED_DAY, day.toString());
            meta.put(MetaKeys.UNLINKED_COUNT, Integer.toString(count));
            store.commit();
        }
    }
}
