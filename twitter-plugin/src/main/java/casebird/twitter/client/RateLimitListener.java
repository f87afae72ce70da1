package casebird.twitter.client;

/**
 * Receives every answer's {@code x-rate-limit-*} headers, success or failure, from either
 * adapter; the plugin's {@code ApiBudget::learn} is one.
 */
@FunctionalInterface
public interface RateLimitListener {

    /** The endpoint's window as Twitter reported it: its limit, calls left and reset (epoch s). */
    void learn(Endpoint endpoint, int limit, int remaining, long resetEpochSeconds);
}
