package casebird.twitter.state;

import casebird.twitter.client.v2.OAuth2TokenStore;
import casebird.twitter.identity.Pins;
import casebird.twitter.inbox.Deletions;
import casebird.twitter.inbox.Parked;
import casebird.twitter.inbox.Position;
import casebird.twitter.inbox.Processed;
import casebird.twitter.inbox.UnlinkedTally;
import casebird.twitter.outbox.Outbox;
import casebird.twitter.push.CreatedResources;
import casebird.twitter.rooms.Rooms;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The plugin's durable state in one MVStore file, lent out as narrow views: processed DM
 * events, the outbox, pinned Twitter ids, the poller's position, handled DMs waiting to be
 * deleted, the unlinked-reply tally, the DMs parked after their command kept failing and
 * the bot's OAuth 2.0 tokens.
 *
 * <p>The store alone commits. One writer at a time: every view's method holds the store's
 * lock, makes its changes and commits before it returns, so a commit never carries half of
 * another thread's change, and one command's effects (processed mark, reply, position) are
 * one commit. The rule thread (appending notices) and the scheduler thread (everything
 * else) share the store this way, and whatever a method returned survives a killed
 * process; with {@code sync} each commit is also forced to the disk, to survive a power
 * loss.
 */
public final class StateStore implements AutoCloseable {

    static final String FILE_NAME = "casebird-state.mv";
    private static final Duration CLOSE_COMPACTION = Duration.ofSeconds(1);
    private static final int MIN_FILL_RATE = 50;

    private final MVStore store;
    private final boolean sync;
    private final MVMap<String, String> meta;
    private final MVMap<Long, String> outboxMap;
    private final OutboxIndex outboxIndex;
    private final StoredOutbox outbox;
    private final StoredPosition position;
    private final StoredDeletions deletions;
    private final StoredEvents events;
    private final StoredPins pins;
    private final StoredUnlinkedTally unlinked;
    private final StoredRooms rooms;

    private StateStore(MVStore store, boolean sync) {
        this.store = store;
        this.sync = sync;
        this.meta = store.openMap("meta");
        this.outboxMap = store.openMap("outbox");
        this.outboxIndex = new OutboxIndex(store);
        this.outbox = new StoredOutbox(this, outboxMap, store.openMap("notified"), meta,
                outboxIndex);
        this.position = new StoredPosition(this, meta);
        this.deletions = new StoredDeletions(this, store.openMap("deletions"));
        this.events = new StoredEvents(this, store.openMap("processed"),
                store.openMap("parked"), outbox, position, deletions);
        this.pins = new StoredPins(this, store.openMap("pins"));
        this.unlinked = new StoredUnlinkedTally(this, store.openMap("unlinked"), meta);
        this.rooms = new StoredRooms(this, outbox, store.openMap("rooms"),
                store.openMap("room-of-queue"), store.openMap("room-refusers"),
                store.openMap("room-openings"));
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
            state.outboxIndex.rebuildIfStale(state.outboxMap);
        } catch (StateFormatException e) {
            mv.closeImmediately();
            throw e;
        }
        state.commit();
        return state;
    }

    /** Commits every view's changes at once; views call it holding the store's lock. */
    synchronized void commit() {
        store.commit();
        if (sync) {
            store.sync();
        }
    }

    /** The DMs waiting to be sent. */
    public Outbox outbox() {
        return outbox;
    }

    /** The poller's position and floor. */
    public Position position() {
        return position;
    }

    /** The handled DM events. */
    public Processed processed() {
        return events;
    }

    /** The DM events parked after their command kept failing. */
    public Parked parked() {
        return events;
    }

    /** Handled DMs waiting to be deleted from the bot's view. */
    public Deletions deletions() {
        return deletions;
    }

    /** The pinned Twitter ids. */
    public Pins pins() {
        return pins;
    }

    /** The queues' rooms (group conversations). */
    public Rooms rooms() {
        return rooms;
    }

    /** The "not linked" replies sent. */
    public UnlinkedTally unlinkedTally() {
        return unlinked;
    }

    /**
     * The bot's OAuth 2.0 tokens, each save committed before it returns; tokens saved while
     * another {@code seed} (the {@code oauth2-refresh-token} setting) was set are not loaded.
     */
    public OAuth2TokenStore oauth2Tokens(Optional<String> seed) {
        return new StoredOAuth2Tokens(this, meta, seed);
    }

    /** The push resources (subscriptions, webhooks) the plugin created on X. */
    public CreatedResources pushResources() {
        return new StoredPushResources(this, meta);
    }

    static <K> boolean removeOlder(MVMap<K, Long> map, long cutoff) {
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
