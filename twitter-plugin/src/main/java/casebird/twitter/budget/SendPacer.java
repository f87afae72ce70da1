package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * Paces notices under the send budget. It keeps back a reserve of a quarter of the window's
 * limit, shrinking in step with the time left in the window, so that a busy morning cannot
 * spend the notices of the afternoon: notices within the rest (the capacity) go at once;
 * beyond it, one notice DM goes per equal share of the time left. Command replies skip the
 * pacing (most are free: up to 5 DMs within 24 h of an agent's DM do not count).
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

    /** Notice DMs that may go now without eating into the reserve. */
    public int capacity(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        return w.remaining() - reserve(w, Duration.between(now, w.reset()));
    }

    /** Records a notice DM sent now. */
    public void noticeSent(Instant now) {
        lastNotice = now;
    }

    /** When the next notice DM may go: at or before {@code now} means now. */
    public Instant nextNoticeAt(Instant now) {
        RateWindow w = budget.window(Endpoint.DM_SEND);
        if (w.remaining() == 0) {
            return budget.renewedAt(Endpoint.DM_SEND);
        }
        if (capacity(now) >= 1 || lastNotice.equals(Instant.MIN)) {
            return now;
        }
        Duration left = Duration.between(now, w.reset());
        Instant paced = lastNotice.plus(left.dividedBy(w.remaining()));
        return paced.isAfter(now) ? paced : now;
    }

    private int reserve(RateWindow w, Duration left) {
        double share = (double) Math.max(0, left.toMillis())
                / budget.windowLength(Endpoint.DM_SEND).toMillis();
        return (int) Math.floor(w.limit() * RESERVE_SHARE * Math.min(1.0, share));
    }
}
