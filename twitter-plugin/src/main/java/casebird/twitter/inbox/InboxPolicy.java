package casebird.twitter.inbox;

import casebird.twitter.budget.Backoff;
import java.time.Duration;

/**
 * How the poller reads the inbox.
 *
 * @param lookBack how far before the position's event the poller still looks for an event
 *     that surfaced late
 * @param deleteHandled whether each handled DM is queued for deletion from the bot's view
 * @param commandAttempts how many times a DM whose command fails unexpectedly is tried
 *     before it is parked (at least 1)
 * @param commandBackoff the wait before each further attempt of such a DM
 */
public record InboxPolicy(Duration lookBack, boolean deleteHandled, int commandAttempts,
        Backoff commandBackoff) {}
