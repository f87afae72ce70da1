package casebird.twitter.rooms;

import casebird.twitter.outbox.OutboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The durable record of the queues' rooms: each queue's current room, every room opened
 * (old ones stay known, so commands posted there still run), the members who refuse group
 * DMs, and creations asked of X but not yet recorded. Changes that belong to an outbox
 * change are committed with it.
 */
public interface Rooms {

    /** The queue's current room, if one was opened. */
    Optional<Room> current(String queue);

    /** Any room the bot opened, current or moved, by its conversation id. */
    Optional<Room> room(long conversationId);

    /** Whether the account is a member of any known room. */
    boolean inAnyRoom(long userId);

    /**
     * Stops using that room as its queue's current room (it stays known); commits. Returns
     * whether it was its queue's current room.
     */
    boolean retire(long conversationId);

    /** The accounts X named as refusing group DMs. */
    Set<Long> refusers();

    /** Records that X named this account as refusing group DMs at that time; commits. */
    void refusesGroups(long userId, Instant at);

    /** The creation asked of X for the queue and not recorded since, if any. */
    Optional<Opening> opening(String queue);

    /** Records a creation about to be asked of X; commits. */
    void opening(Opening opening);

    /**
     * In one commit: removes the outbox entries that were sent (or replaced), queues
     * {@code queued} (with fresh ids), and, when a room was opened, makes it its queue's
     * current room and forgets the queue's opening.
     */
    void settle(List<Long> done, List<OutboxEntry> queued, Optional<Room> opened);
}
