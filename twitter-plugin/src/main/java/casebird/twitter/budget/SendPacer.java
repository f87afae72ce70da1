package casebird.twitter.budget;

import java.time.Duration;
import java.time.Instant;

/**
 * How many notices the send budget can carry now. It keeps back a reserve of a quarter of
 * the window's limit, shrinking in step with the time left in the window, so that a busy
 * morning cannot spend the notices of the afternoon; command replies skip the reserve
 * (most are free: up to 5 replies within 24 h of an agent's DM do not count).
 */
public final class SendPacer {

    /** The share of a window's limit kept back while the window is young. */
    private static final double RESERVE_SHARE = 0.25;

    private final ApiBudget budget;

    /** Creates a pacer over that budget's send window. */
    public SendPacer(ApiBudget budget) {
        this.budget = budget;
    }

    /** Notice DMs that may go now without eating into the reserve. */
    public int capacity(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        return w.remaining() - reserve(w, Duration.between(now, w.reset()));
    }

    /** When the next notice DM may go: now if there is capacity, else when the reserve shrinks. */
    public Instant nextNoticeAt(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        if (w.remaining() == 0) {
            return budget.renewedAt(Endpoint.DM_SEND);
        }
        if (capacity(now) >= 1) {
            return now;
        }
        double perCall = budget.windowLength(Endpoint.DM_SEND).toMillis()
                / (w.limit() * RESERVE_SHARE);
        long leftMillis = (long) Math.floor((w.remaining() - 1) * perCall);
        Instant at = w.reset().minusMillis(leftMillis);
        return at.isAfter(now) ? at : now.plusMillis(1);
    }

    private int reserve(RateWindow w, Duration left) {
        double share = (double) Math.max(0, left.toMillis())
                / budget.windowLength(Endpoint.DM_SEND).toMillis();
        return (int) Math.floor(w.limit() * RESERVE_SHARE * Math.min(1.0, share));
    }
}
