package casebird.twitter;

import casebird.twitter.outbox.Outbox;
import java.time.Clock;

/**
 * What a running plugin lends its extensions: the durable outbox, the host's clock, and a
 * way to wake the outbox sender after queuing DMs.
 */
public record PluginRuntime(Outbox outbox, Clock clock, Runnable wakeOutbox) {}
