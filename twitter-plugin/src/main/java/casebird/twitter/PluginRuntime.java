package casebird.twitter;

import casebird.twitter.state.StateStore;
import java.time.Clock;

/**
 * What a running plugin lends its extensions: the durable store, the host's clock, and a
 * way to wake the outbox sender after queuing DMs.
 */
public record PluginRuntime(StateStore store, Clock clock, Runnable wakeOutbox) {}
