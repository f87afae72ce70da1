package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import java.time.Duration;
import java.time.Instant;

/**
 * Decides when the inbox is read next, from the list budget and the plugin's recent sends.
 *
 * <p>By default it spreads the window's calls left evenly over the time left (sooner when
 * they are plentiful), never more than {@code maxGap} apart. For {@code likelyPeriod} after
 * the plugin sent DMs, when agents' replies are likely, it spends the calls that the rest
 * of the window does not need for polls {@code maxGap} apart, down to {@code minGap}. A
 * poll costs a page per 50 DMs sent since the last one (the list holds the bot's own DMs
 * too; a longer read resumes in the next window), and it never plans a poll the window
 * cannot pay for.
 */
public final class PollPlanner {

    /** Events per list page, as the port asks for them. */
    static final int PAGE_SIZE = 50;

    private final ApiBudget budget;
    private final Duration maxGap;
    private final Duration minGap;
    private final Duration likelyPeriod;
    private Instant lastPoll = Instant.MIN;
    private Instant likelyUntil = Instant.MIN;
    private int sentSincePoll;

    /** Creates a planner spending that budget's list calls. */
    public PollPlanner(ApiBudget budget, Duration maxGap, Duration minGap,
            Duration likelyPeriod) {
        this.budget = budget;
        this.maxGap = maxGap;
        this.minGap = minGap;
        this.likelyPeriod = likelyPeriod;
    }

    /** Records a poll at that time; a complete read restarts the count of pages to read. */
    public synchronized void polled(Instant at, boolean complete) {
        lastPoll = at;
        if (complete) {
            sentSincePoll = 0;
        }
    }

    /** Records DMs the plugin sent at that time: replies to them are likely soon. */
    public synchronized void sent(Instant at, int dms) {
        if (dms > 0) {
            sentSincePoll += dms;
            likelyUntil = at.plus(likelyPeriod);
        }
    }

    /** List pages the next poll is expected to read. */
    public synchronized int pagesNeeded() {
        return 1 + sentSincePoll / PAGE_SIZE;
    }

    /** When the next poll should run; at or before {@code now} means now. */
    public synchronized Instant nextPoll(Instant now) {
        Instant ready = budget.readyAt(Endpoint.DM_LIST);
        RateWindow window = budget.window(Endpoint.DM_LIST);
        long polls = window.remaining() / Math.min(pagesNeeded(), window.limit());
        if (polls == 0) {
            return later(ready, budget.renewedAt(Endpoint.DM_LIST));
        }
        Duration left = positive(Duration.between(now, window.reset()));
        // Plentiful budget polls sooner, but never more often than the shortest gap allowed.
        Duration gap = max(min(minGap, maxGap), min(maxGap, left.dividedBy(polls)));
        if (now.isBefore(likelyUntil)) {
            Duration likely = min(Duration.between(now, likelyUntil), left);
            long reserve = ceilDiv(left.minus(likely), maxGap);
            long spare = polls - reserve;
            if (spare > 0) {
                // Replies being likely may shorten the gap (down to minGap), never lengthen it.
                gap = min(gap, max(minGap, likely.dividedBy(spare)));
            }
        }
        return later(ready, lastPoll.equals(Instant.MIN) ? now : lastPoll.plus(gap));
    }

    private static long ceilDiv(Duration a, Duration b) {
        return (a.toMillis() + b.toMillis() - 1) / b.toMillis();
    }

    private static Duration positive(Duration d) {
        return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
