package casebird.twitter.client.v2;

import casebird.twitter.budget.Endpoint;

/**
 * Receives every answer's {@code x-rate-limit-*} headers, success or failure; the plugin's
 * {@code ApiBudget::learn} is one.
 */
@FunctionalInterface
public interface RateLimitListener {

    /** The endpoint's window as X reported it: its limit, calls left and reset (epoch s). */
    void learn(Endpoint endpoint, int limit, int remaining, long resetEpochSeconds);
}
