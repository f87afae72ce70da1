package casebird.twitter.inbox;

import casebird.twitter.outbox.OutboxEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * The DM events already handled; marking one handled also queues its reply, its deletion
 * and moves the position, all in one commit, so a re-run never queues a second reply.
 */
public interface Processed {

    /** Whether that DM event was already handled. */
    boolean isProcessed(long eventId);

    /**
     * Marks a DM event handled, queues its reply if any (and its deletion when asked) and
     * moves the position, in one commit; an event already marked changes nothing.
     */
    void complete(long eventId, Instant at, Optional<OutboxEntry> reply, boolean deleteLater);

    /**
     * Marks a DM event that a webhook delivered handled, as {@link #complete} does but
     * leaving the position alone: the poller still reads every listed event above it, so
     * one whose delivery was lost is caught by the next poll.
     */
    void completeDelivered(long eventId, Instant at, Optional<OutboxEntry> reply,
            boolean deleteLater);

    /**
     * Parks a DM event whose command kept failing: marks it handled (so it never runs
     * again), records it with what it was about, e.g. {@code case 1234}, for health, queues
     * the reply telling its sender, and moves the position unless a webhook delivered it,
     * all in one commit. Only the newest parked events are kept.
     */
    void park(long eventId, Instant at, OutboxEntry reply, String about, boolean delivered,
            boolean deleteLater);

    /** Forgets handled events and sent-notice keys older than {@code before}. */
    void forgetBefore(Instant before);
}
