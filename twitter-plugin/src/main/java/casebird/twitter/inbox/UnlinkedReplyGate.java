package casebird.twitter.inbox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Decides whether a sender with no CRM user gets the "not linked" reply: at most once per
 * interval per sender, and under a global daily cap so throwaway accounts can't spend the
 * send budget. A reply older than the interval no longer matters and is forgotten, so the
 * tally holds at most a day's cap of senders per interval.
 */
public final class UnlinkedReplyGate {

    /** The reply an unlinked sender gets. */
    public static final String REPLY = "This Twitter account is not linked to a CRM user.";

    private final UnlinkedTally tally;
    private final Duration interval;
    private final int dailyCap;

    /** Creates a gate over the durable tally. */
    public UnlinkedReplyGate(UnlinkedTally tally, Duration interval, int dailyCap) {
        this.tally = tally;
        this.interval = interval;
        this.dailyCap = dailyCap;
    }

    /** Whether that sender may get the reply now; a yes is counted at once. */
    public boolean admit(long senderId, Instant now) {
        LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        boolean recent = tally.lastReply(senderId)
                .map(last -> now.isBefore(last.plus(interval)))
                .orElse(false);
        if (recent || tally.repliesOn(day) >= dailyCap) {
            return false;
        }
        tally.record(senderId, now, day);
        tally.forgetBefore(now.minus(interval));
        return true;
    }
}
