package casebird.twitter.budget;

import java.time.Duration;
import java.util.Random;

/** Exponential backoff with full jitter: a uniform delay up to {@code min(cap, base * 2^(n-1))}. */
public final class Backoff {

    private final Duration base;
    private final Duration cap;
    private final Random random;

    /** Creates a backoff policy; {@code random} is injected so tests are deterministic. */
    public Backoff(Duration base, Duration cap, Random random) {
        this.base = base;
        this.cap = cap;
        this.random = random;
    }

    /** The delay before the attempt that follows the {@code failures}-th failure (1 or more). */
    public Duration delayAfter(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() << doublings);
        return Duration.ofMillis((long) (random.nextDouble() * (ceiling + 1)));
    }
}
