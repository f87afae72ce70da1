package casebird.twitter.state;

import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The plugin's durable state in one MVStore file: processed DM events, the outbox, pinned
 * Twitter ids, the poller's position and the unlinked-reply tally.
 *
 * <p>Every method is synchronized and each change is committed before the method returns,
 * so the rule thread (appending notices) and the scheduler thread (everything else) share
 * one store safely, and whatever a method returned survives a killed process.
 */
public final class StateStore implements AutoCloseable {

    static final String FILE_NAME = "casebird-state.mv";
    private static final String FORMAT = "1";

    private final MVStore store;
    private final MVMap<String, String> meta;
    private final MVMap<Long, Long> processed;
    private final MVMap<Long, String> outbox;
    private final MVMap<String, Long> pins;
    private final MVMap<String, Long> notified;
    private final MVMap<Long, Long> unlinked;

    private StateStore(MVStore store) {
        this.store = store;
        this.meta = store.openMap("meta");
        this.processed = store.openMap("processed");
        this.outbox = store.openMap("outbox");
        this.pins = store.openMap("pins");
        this.notified = store.openMap("notified");
        this.unlinked = store.openMap("unlinked");
    }

    /**
     * Opens (or creates) the store in the plugin's data directory.
     *
     * @throws IllegalStateException when the file was written in another format version
     */
    public static StateStore open(Path dataDirectory) {
        MVStore mv = new MVStore.Builder()
                .fileName(dataDirectory.resolve(FILE_NAME).toString())
                .autoCommitDisabled()
                .open();
        StateStore state = new StateStore(mv);
        String format = state.meta.putIfAbsent("format", FORMAT);
        if (format != null && !format.equals(FORMAT)) {
            mv.close();
            throw new IllegalStateException("state file " + FILE_NAME + " has format " + format
                    + "; this plugin reads format " + FORMAT);
        }
        mv.commit();
        return state;
    }

    /** The highest DM event id the poller has examined, if it ever polled. */
    public synchronized OptionalLong position() {
        String p = meta.get("position");
        return p == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(p));
    }

    /** Moves the poller's position (never backwards). */
    public synchronized void advancePosition(long eventId) {
        putPosition(eventId);
        store.commit();
    }

    private void putPosition(long eventId) {
        OptionalLong current = position();
        if (current.isEmpty() || eventId > current.getAsLong()) {
            meta.put("position", Long.toString(eventId));
        }
    }

    /** Whether that DM event was already handled. */
    public synchronized boolean isProcessed(long eventId) {
        return processed.containsKey(eventId);
    }

    /** Marks a DM event handled, queues its reply if any, and moves the position: one commit. */
    public synchronized void completeEvent(long eventId, Instant at, Optional<OutboxEntry> reply) {
        processed.put(eventId, at.toEpochMilli());
        reply.ifPresent(this::putNew);
        putPosition(eventId);
        store.commit();
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
        store.commit();
        return added;
    }

    private void putNew(OutboxEntry e) {
        long id = Long.parseLong(meta.getOrDefault("outbox-seq", "0")) + 1;
        meta.put("outbox-seq", Long.toString(id));
        outbox.put(id, EntryCodec.encode(e.withId(id)));
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

    /** Removes an entry that was sent or can never be. */
    public synchronized void removeFromOutbox(long id) {
        outbox.remove(id);
        store.commit();
    }

    /** Replaces a queued entry, e.g. after a failed attempt. */
    public synchronized void updateOutbox(OutboxEntry entry) {
        if (outbox.containsKey(entry.id())) {
            outbox.put(entry.id(), EntryCodec.encode(entry));
            store.commit();
        }
    }

    /** The Twitter id pinned to a handle field's value, if it was resolved before. */
    public synchronized Optional<Long> pinnedId(String fieldValue) {
        return Optional.ofNullable(pins.get(fieldValue));
    }

    /** Pins a handle field's value to the Twitter id it resolved to; a pin is never replaced. */
    public synchronized long pin(String fieldValue, long twitterId) {
        Long held = pins.putIfAbsent(fieldValue, twitterId);
        store.commit();
        return held == null ? twitterId : held;
    }

    /** When that unlinked sender last got the "not linked" reply, if ever. */
    public synchronized Optional<Instant> lastUnlinkedReply(long senderId) {
        return Optional.ofNullable(unlinked.get(senderId)).map(Instant::ofEpochMilli);
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
        store.commit();
    }

    /** Forgets processed events and sent-notice keys older than {@code before}. */
    public synchronized void prune(Instant before) {
        long cutoff = before.toEpochMilli();
        processed.entrySet().removeIf(e -> e.getValue() < cutoff);
        notified.entrySet().removeIf(e -> e.getValue() < cutoff);
        store.commit();
    }

    /** Commits and closes the file. */
    @Override
    public synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
