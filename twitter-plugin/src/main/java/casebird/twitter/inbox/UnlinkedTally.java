package casebird.twitter.inbox;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/** Who got the "not linked" reply when, and how many such replies went out each day. */
public interface UnlinkedTally {

    /** When that unlinked sender last got the reply, if ever. */
    Optional<Instant> lastReply(long senderId);

    /** Forgets when unlinked senders got the reply, for replies before {@code before}. */
    void forgetBefore(Instant before);

    /** How many "not linked" replies were queued on that day. */
    int repliesOn(LocalDate day);

    /** Counts one "not linked" reply to that sender. */
    void record(long senderId, Instant at, LocalDate day);
}
