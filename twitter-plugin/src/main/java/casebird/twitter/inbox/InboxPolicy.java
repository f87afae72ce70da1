package casebird.twitter.inbox;

import java.time.Duration;

/**
 * How the poller reads the inbox.
 *
 * @param lookBack how far before the position's event the poller still looks for an event
 *     that surfaced late
 * @param deleteHandled whether each handled DM is queued for deletion from the bot's view
 */
public record InboxPolicy(Duration lookBack, boolean deleteHandled) {}
