package casebird.twitter.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The durable queue of DMs to send: notices from rules and replies to agents' commands. */
public interface Outbox {

    /**
     * Queues notices for one rule event, skipping any with the same recipient and text
     * already queued for that event.
     *
     * @return how many were queued
     */
    int appendNotices(String ruleEventId, List<OutboxEntry> entries);

    /** The entries due at {@code now} (and only those are read): replies, then notices. */
    List<OutboxEntry> due(Instant now);

    /** When the earliest queued reply (or notice) is due, if one is queued. */
    Optional<Instant> nextDue(boolean reply);

    /** When the oldest entry still in the outbox was queued, if it holds any. */
    Optional<Instant> oldestQueuedAt();

    /** When that entry was queued (its first due time when the store does not know). */
    Instant queuedAt(OutboxEntry entry);

    /** Every queued entry, oldest first. */
    List<OutboxEntry> entries();

    /** How many entries wait to be sent. */
    int size();

    /** Removes the entries of one DM (a digest's notices) that was sent or can never be. */
    void remove(List<Long> ids);

    /** Replaces a queued entry, e.g. after a failed attempt. */
    void update(OutboxEntry entry);
}
