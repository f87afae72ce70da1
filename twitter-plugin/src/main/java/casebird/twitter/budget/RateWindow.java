package casebird.twitter.budget;

import java.time.Instant;

/**
 * One endpoint's rate-limit window as the {@code x-rate-limit-*} headers describe it.
 *
 * @param limit calls allowed per window
 * @param remaining calls left in this window
 * @param reset when the window ends and {@code remaining} is {@code limit} again
 */
public record RateWindow(int limit, int remaining, Instant reset) {

    /** This window after one more call. */
    RateWindow spend() {
        return new RateWindow(limit, Math.max(0, remaining - 1), reset);
    }
}
