package casebird.twitter.state;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.SortedMap;
import java.util.TreeMap;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The plugin's durable state in one MVStore file: processed DM events, the outbox, pinned
 * Twitter ids, the poller's position, handled DMs waiting to be deleted, the
 * unlinked-reply tally and the DMs parked after their command kept failing.
 *
 * <p>One writer at a time: every method is synchronized, makes its changes and commits
 * before it returns, so a commit never carries half of another thread's change. The rule
 * thread (appending notices) and the scheduler thread (everything else) share the store
 * this way, and whatever a method returned survives a killed process; with {@code sync}
 * each commit is also forced to the disk, to survive a power loss.
 */
public final class StateStore implements AutoCloseable {

    static final String FILE_NAME = "casebird-state.mv";
    static final String POSITION = "position";
    static final String FLOOR = "floor";
    private static final int MAX_DELETIONS = 1_000;
    private static final int MAX_PARKED = 100;
    private static final Duration CLOSE_COMPACTION = Duration.ofSeconds(1);
    private static final int MIN_FILL_RATE = 50;

    private final MVStore store;
    private final boolean sync;
    private final MVMap<String, String> meta;
    private final MVMap<Long, Long> processed;
    private final MVMap<Long, String> outbox;
    private final MVMap<String, Long> pins;
    private final MVMap<String, Long> notified;
    private final MVMap<Long, Long> unlinked;
    private final MVMap<Long, Long> deletions;
    private final MVMap<Long, String> parked;
    private final OutboxIndex outboxIndex;

    private StateStore(MVStore store, boolean sync) {
        this.store = store;
        this.sync = sync;
        this.meta = store.openMap("meta");
        this.processed = store.openMap("processed");
        this.outbox = store.openMap("outbox");
        this.pins = store.openMap("pins");
        this.notified = store.openMap("notified");
        this.unlinked = store.openMap("unlinked");
        this.deletions = store.openMap("deletions");
        this.parked = store.openMap("parked");
        this.outboxIndex = new OutboxIndex(store);
    }

    /** Opens (or creates) the store in the plugin's data directory, without forced syncs. */
    public static StateStore open(Path dataDirectory) {
        return open(dataDirectory, false);
    }

    /**
     * Opens (or creates) the store in the plugin's data directory, migrating an older format.
     *
     * @param sync whether each commit is forced to the disk as well
     * @throws StateFormatException when a newer plugin wrote the file, or it is not ours
     */
    public static StateStore open(Path dataDirectory, boolean sync) {
        MVStore mv = new MVStore.Builder()
                .fileName(dataDirectory.resolve(FILE_NAME).toString())
                .autoCommitDisabled()
                .open();
        StateStore state = new StateStore(mv, sync);
        try {
            StoreFormat.upgrade(state.meta, FILE_NAME);
            state.outboxIndex.rebuildIfStale(state.outbox);
        } catch (StateFormatException e) {
            mv.closeImmediately();
            throw e;
        }
        state.commit();
        return state;
    }

    private void commit() {
        store.commit();
        if (sync) {
            store.sync();
        }
    }

    /** The highest DM event id the poller has examined, if it ever polled. */
    public synchronized OptionalLong position() {
        String p = meta.get(POSITION);
        return p == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(p));
    }

    /** The id at or below which no DM event is ever handled: the newest one at install. */
    public synchronized long floor() {
        return Long.parseLong(meta.getOrDefault(FLOOR, "0"));
    }

    /** Sets the position and the floor on the very first poll. */
    public synchronized void startAt(long eventId) {
        meta.put(POSITION, Long.toString(eventId));
        meta.put(FLOOR, Long.toString(eventId));
        commit();
    }

    /** Moves the poller's position (never backwards). */
    public synchronized void advancePosition(long eventId) {
        putPosition(eventId);
        commit();
    }

    private void putPosition(long eventId) {
        OptionalLong current = position();
        if (current.isEmpty() || eventId > current.getAsLong()) {
            meta.put(POSITION, Long.toString(eventId));
        }
    }

    /** Whether that DM event was already handled. */
    public synchronized boolean isProcessed(long eventId) {
        return processed.containsKey(eventId);
    }

    /**
     * Marks a DM event handled, queues its reply if any (and its deletion when asked) and
     * moves the position, in one commit; an event already marked changes nothing, so a
     * re-run never queues a second reply.
     */
    public synchronized void completeEvent(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater) {
        if (markProcessed(eventId, at, reply, deleteLater)) {
            putPosition(eventId);
            commit();
        }
    }

    /**
     * Marks a DM event that a webhook delivered handled, as {@link #completeEvent} does but
     * leaving the position alone: the poller still reads every listed event above it, so
     * one whose delivery was lost is caught by the next poll.
     */
    public synchronized void completeDeliveredEvent(long eventId, Instant at,
            Optional<OutboxEntry> reply, boolean deleteLater) {
        if (markProcessed(eventId, at, reply, deleteLater)) {
            commit();
        }
    }

    /**
     * Parks a DM event whose command kept failing: marks it handled (so it never runs
     * again), records it with what it was about, e.g. {@code case 1234}, for health, queues
     * the reply telling its sender, and moves the position unless a webhook delivered it,
     * all in one commit. Only the newest parked events are kept.
     */
    public synchronized void parkEvent(long eventId, Instant at, OutboxEntry reply,
            String about, boolean delivered, boolean deleteLater) {
        if (markProcessed(eventId, at, Optional.of(reply), deleteLater)) {
            parked.put(eventId, about);
            while (parked.size() > MAX_PARKED) {
                parked.remove(parked.firstKey());
            }
            if (!delivered) {
                putPosition(eventId);
            }
            commit();
        }
    }

    /** The parked DM events, oldest first, each with what it was about. */
    public synchronized SortedMap<Long, String> parked() {
        return new TreeMap<>(parked);
    }

    private boolean markProcessed(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater) {
        if (processed.putIfAbsent(eventId, at.toEpochMilli()) != null) {
            return false;
        }
        reply.ifPresent(this::putNew);
        if (deleteLater && deletions.size() < MAX_DELETIONS) {
            deletions.put(eventId, at.toEpochMilli());
        }
        return true;
    }

    /** Handled DMs waiting to be deleted from the bot's view, oldest first, at most {@code max}. */
    public synchronized List<Long> deletions(int max) {
        List<Long> ids = new ArrayList<>();
        for (Long id : deletions.keySet()) {
            if (ids.size() == max) {
                break;
            }
            ids.add(id);
        }
        return ids;
    }

    /** Forgets a deletion that was done or can never be. */
    public synchronized void removeDeletion(long eventId) {
        deletions.remove(eventId);
        commit();
    }

    /**
     * Queues notices for one rule event, skipping any with the same recipient and text
     * already queued for that event.
     *
     * @return how many were queued
     */
    public synchronized int appendNotices(String ruleEventId, List<OutboxEntry> entries) {
        int added = 0;
        for (OutboxEntry e : entries) {
            String key = Hashing.sha256().hashString(ruleEventId + "\n" + e.to().kind() + "\n"
                    + e.to().value() + "\n" + e.text(), StandardCharsets.UTF_8).toString();
            if (notified.putIfAbsent(key, e.notBefore().toEpochMilli()) == null) {
                putNew(e);
                added++;
            }
        }
        commit();
        return added;
    }

    private void putNew(OutboxEntry e) {
        long id = Long.parseLong(meta.getOrDefault("outbox-seq", "0")) + 1;
        meta.put("outbox-seq", Long.toString(id));
        OutboxEntry entry = e.withId(id);
        outbox.put(id, EntryCodec.encode(entry));
        outboxIndex.add(entry, e.notBefore());
    }

    /** The entries due at {@code now} (and only those are read): replies, then notices. */
    public synchronized List<OutboxEntry> dueOutbox(Instant now) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (long id : outboxIndex.dueIds(now)) {
            entries.add(EntryCodec.decode(id, outbox.get(id)));
        }
        return entries;
    }

    /** When the earliest queued reply (or notice) is due, if one is queued. */
    public synchronized Optional<Instant> nextDue(boolean reply) {
        return outboxIndex.nextDue(reply);
    }

    /** When the oldest entry still in the outbox was queued, if it holds any. */
    public synchronized Optional<Instant> oldestQueuedAt() {
        return outbox.isEmpty() ? Optional.empty() : outboxIndex.queuedAt(outbox.firstKey());
    }

    /** Every queued entry, oldest first. */
    public synchronized List<OutboxEntry> outbox() {
        List<OutboxEntry> entries = new ArrayList<>(outbox.size());
        for (Map.Entry<Long, String> e : outbox.entrySet()) {
            entries.add(EntryCodec.decode(e.getKey(), e.getValue()));
        }
        return entries;
    }

    /** How many entries wait to be sent. */
    public synchronized int outboxSize() {
        return outbox.size();
    }

    /** Removes the entries of one DM (a digest's notices) that was sent or can never be. */
    public synchronized void removeFromOutbox(List<Long> ids) {
        for (long id : ids) {
            String line = outbox.remove(id);
            if (line != null) {
                outboxIndex.remove(EntryCodec.decode(id, line));
            }
        }
        commit();
    }

    /** Replaces a queued entry, e.g. after a failed attempt. */
    public synchronized void updateOutbox(OutboxEntry entry) {
        String line = outbox.get(entry.id());
        if (line != null) {
            outboxIndex.move(EntryCodec.decode(entry.id(), line), entry);
            outbox.put(entry.id(), EntryCodec.encode(entry));
            commit();
        }
    }

    /** The Twitter id pinned under that key (a screen name and whom it was resolved for). */
    public synchronized Optional<Long> pinnedId(String key) {
        return Optional.ofNullable(pins.get(key));
    }

    /** Pins a key to the Twitter id its name resolved to; a pin is never replaced. */
    public synchronized long pin(String key, long twitterId) {
        Long held = pins.putIfAbsent(key, twitterId);
        commit();
        return held == null ? twitterId : held;
    }

    /**
     * Moves or forgets pins in one commit: {@code newKey} gives each key the key its pin
     * moves to (the same key to keep it), or nothing to forget it; a move never replaces a
     * pin the new key already holds.
     */
    public synchronized void rekeyPins(Function<String, Optional<String>> newKey) {
        boolean changed = false;
        for (String key : List.copyOf(pins.keySet())) {
            Optional<String> to = newKey.apply(key);
            if (!to.equals(Optional.of(key))) {
                Long id = pins.remove(key);
                to.ifPresent(moved -> pins.putIfAbsent(moved, id));
                changed = true;
            }
        }
        if (changed) {
            commit();
        }
    }

    /** When that unlinked sender last got the "not linked" reply, if ever. */
    public synchronized Optional<Instant> lastUnlinkedReply(long senderId) {
        return Optional.ofNullable(unlinked.get(senderId)).map(Instant::ofEpochMilli);
    }

    /** Forgets when unlinked senders got the reply, for replies before {@code before}. */
    public synchronized void forgetUnlinkedBefore(Instant before) {
        if (removeOlder(unlinked, before.toEpochMilli())) {
            commit();
        }
    }

    /** How many "not linked" replies were queued on that day. */
    public synchronized int unlinkedRepliesOn(LocalDate day) {
        return day.toString().equals(meta.get("unlinked-day"))
                ? Integer.parseInt(meta.getOrDefault("unlinked-count", "0")) : 0;
    }

    /** Counts one "not linked" reply to that sender. */
    public synchronized void recordUnlinkedReply(long senderId, Instant at, LocalDate day) {
        int count = unlinkedRepliesOn(day) + 1;
        unlinked.put(senderId, at.toEpochMilli());
        meta.put("unlinked-day", day.toString());
        meta.put("unlinked-count", Integer.toString(count));
        commit();
    }

    /** Forgets processed events and sent-notice keys older than {@code before}. */
    public synchronized void prune(Instant before) {
        long cutoff = before.toEpochMilli();
        boolean changed = removeOlder(processed, cutoff) | removeOlder(notified, cutoff);
        if (changed) {
            commit();
        }
    }

    private static <K> boolean removeOlder(MVMap<K, Long> map, long cutoff) {
        List<K> old = new ArrayList<>();
        map.forEach((key, at) -> {
            if (at < cutoff) {
                old.add(key);
            }
        });
        old.forEach(map::remove);
        return !old.isEmpty();
    }

    /**
     * Rewrites the file's sparse chunks and moves the live ones together, for at most
     * {@code maxTime}, so that the file shrinks to about what it holds. MVStore does this on
     * its own only when it commits by itself, which this store turns off.
     */
    public synchronized void compact(Duration maxTime) {
        int retention = store.getRetentionTime();
        store.compactFile((int) Math.min(Integer.MAX_VALUE, maxTime.toMillis()));
        store.setRetentionTime(retention);
    }

    /**
     * Compacts the file for at most {@code maxTime} if less than half of its chunks' data is
     * live.
     *
     * @return whether it compacted
     */
    public synchronized boolean compactIfSparse(Duration maxTime) {
        if (store.getFileStore().getChunksFillRate() >= MIN_FILL_RATE) {
            return false;
        }
        compact(maxTime);
        return true;
    }

    /** How many commits the file has seen; for tests of what one method commits. */
    synchronized long version() {
        return store.getCurrentVersion();
    }

    /** Commits, compacts the file for at most a second and closes it. */
    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            commit();
            compact(CLOSE_COMPACTION);
            store.close();
        }
    }
}
