package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Paces notices under the send budget. It keeps back a reserve of a quarter of the window's
 * limit, shrinking in step with the time left in the window, so that a busy morning cannot
 * spend the notices of the afternoon: notices within the rest (the capacity) go at once;
 * beyond it, one notice DM goes per equal share of the time left. Where the API also limits
 * sends per day (v2: 15 per 15 minutes and 1,440 a day), each window may spend at most its
 * share of what the day has left (the day's calls left over the windows left in it), so
 * that spending every window in full early cannot starve the end of the day; while the
 * day's share is at least the window's limit, a window may burst to its limit. Command
 * replies skip the pacing.
 */
public final class SendPacer {

    /** The share of a window's limit kept back while the window is young. */
    private static final double RESERVE_SHARE = 0.25;

    private final ApiBudget budget;
    private Instant lastNotice = Instant.MIN;

    /** Creates a pacer over that budget's send window. */
    public SendPacer(ApiBudget budget) {
        this.budget = budget;
    }

    /** Notice DMs that may go now without eating into the reserve or the day's share. */
    public int capacity(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        int capacity = w.remaining() - reserve(w, Duration.between(now, w.reset()));
        return Math.min(capacity, dayShareLeft(now));
    }

    /** Records a notice DM sent now. */
    public void noticeSent(Instant now) {
        lastNotice = now;
    }

    /** When the next notice DM may go: at or before {@code now} means now. */
    public Instant nextNoticeAt(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        int left = Math.min(w.remaining(), dayShareLeft(now));
        if (left <= 0) {
            return budget.renewedAt(Endpoint.DM_SEND);
        }
        if (capacity(now) >= 1 || lastNotice.equals(Instant.MIN)) {
            return now;
        }
        Instant paced = lastNotice.plus(Duration.between(now, w.reset()).dividedBy(left));
        return paced.isAfter(now) ? paced : now;
    }

    /**
     * The sends this window may still make under its share of the day: what the day has
     * left (plus what this window spent) spread over the windows left in the day.
     */
    private int dayShareLeft(Instant now) {
        Optional<RateWindow> day = budget.longWindow(Endpoint.DM_SEND);
        if (day.isEmpty()) {
            return Integer.MAX_VALUE;
        }
        long windowMillis = budget.windowLength(Endpoint.DM_SEND).toMillis();
        Instant windowEnds = budget.window(Endpoint.DM_SEND).reset();
        long afterThis = Math.max(0, Duration.between(windowEnds, day.get().reset()).toMillis());
        long windowsLeft = 1 + (afterThis + windowMillis - 1) / windowMillis;
        int spent = budget.spentInWindow(Endpoint.DM_SEND);
        long share = (day.get().remaining() + spent + windowsLeft - 1) / windowsLeft;
        return (int) Math.max(0, share - spent);
    }

    private int reserve(RateWindow w, Duration left) {
        double share = (double) Math.max(0, left.toMillis())
                / budget.windowLength(Endpoint.DM_SEND).toMillis();
        return (int) Math.floor(w.limit() * RESERVE_SHARE * Math.min(1.0, share));
    }
}
