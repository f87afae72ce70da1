package casebird.twitter.inbox;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.command.Handled;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.OutboxEntry;
import casebird.twitter.state.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.BotAccount;
import casebird.twitter.twitter.DmEvent;
import casebird.twitter.twitter.TwitterApiException;
import casebird.twitter.twitter.TwitterPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bot's DM events, pages back to the last position, and handles each new
 * message to the bot oldest first: maps the sender to a CRM user, runs the command with
 * idempotency key {@code twitter-dm:<event id>}, then queues the reply and marks the event
 * processed in one store commit. A crash between those steps re-runs the command, which
 * the key makes harmless; a crash after them finds the event processed.
 *
 * <p>On the very first poll the newest event only sets the position (and the floor):
 * nothing older than the install runs. Below the position it looks back a margin for
 * events that surfaced late. An event whose command fails unexpectedly stops the poll
 * before it, so the next poll retries it.
 */
public final class DirectMessagePoller {

    private static final Logger LOG = LoggerFactory.getLogger(DirectMessagePoller.class);
    private static final Duration KEEP_PROCESSED = Duration.ofDays(31);

    private final TwitterPort twitter;
    private final CatchUpReader reader;
    private final boolean deleteHandled;
    private final StateStore store;
    private final AgentDirectory directory;
    private final CommandRunner commands;
    private final UnlinkedReplyGate gate;
    private final Clock clock;
    private final HealthTracker health;
    private final AuditLog audit = new AuditLog();
    private BotAccount bot;

    /** Creates a poller; all its work runs on the caller's thread. */
    public DirectMessagePoller(TwitterPort twitter, StateStore store, AgentDirectory directory,
            CommandRunner commands, UnlinkedReplyGate gate, InboxPolicy policy, Clock clock,
            HealthTracker health) {
        this.twitter = twitter;
        this.reader = new CatchUpReader(twitter, policy.lookBack());
        this.deleteHandled = policy.deleteHandled();
        this.store = store;
        this.directory = directory;
        this.commands = commands;
        this.gate = gate;
        this.clock = clock;
        this.health = health;
    }

    /**
     * Reads the inbox once and handles what is new; failures are logged and retried next
     * time. Returns whether the read was complete.
     */
    public boolean pollOnce() {
        boolean complete = false;
        try {
            BotAccount me = bot();
            directory.beginPoll();
            OptionalLong position = store.position();
            if (position.isEmpty()) {
                store.startAt(reader.newest().map(DmEvent::id).orElse(0L));
            } else {
                handleNew(me, reader.since(position.getAsLong()), position.getAsLong());
            }
            health.polled(clock.instant());
            store.prune(clock.instant().minus(KEEP_PROCESSED));
            complete = true;
        } catch (TwitterApiException e) {
            onTwitterFailure(e);
        } catch (BudgetSpentException e) {
            LOG.debug("DM poll waits for budget: {}", e.getMessage());
        }
        health.report();
        return complete;
    }

    private BotAccount bot() {
        if (bot == null) {
            bot = twitter.verifyCredentials();
            health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials of @"
                    + bot.screenName());
        }
        return bot;
    }

    private void handleNew(BotAccount me, List<DmEvent> events, long position) {
        long floor = store.floor();
        List<DmEvent> candidates = events.stream()
                .filter(e -> e.id() > floor)
                .sorted(Comparator.comparingLong(DmEvent::id))
                .toList();
        long done = position;
        for (DmEvent e : candidates) {
            boolean forUs = e.recipientId() == me.id() && e.senderId() != me.id();
            if (forUs && !store.isProcessed(e.id())) {
                try {
                    handle(e);
                } catch (RuntimeException failure) {
                    audit.failed(e, failure);
                    break;
                }
            }
            done = Math.max(done, e.id());
        }
        store.advancePosition(done);
    }

    private void handle(DmEvent e) {
        Instant now = clock.instant();
        Optional<String> login = directory.loginOf(e.senderId());
        if (login.isPresent()) {
            Handled handled = commands.run(login.get(), Long.toString(e.id()), e.text());
            store.completeEvent(e.id(), now, Optional.of(reply(e, handled.reply(), now)),
                    deleteHandled);
            audit.handled(e, login.get(), handled);
        } else {
            boolean admitted = gate.admit(e.senderId(), now);
            store.completeEvent(e.id(), now, admitted
                    ? Optional.of(reply(e, UnlinkedReplyGate.REPLY, now)) : Optional.empty(),
                    deleteHandled);
            audit.unlinked(e, admitted);
        }
    }

    private static OutboxEntry reply(DmEvent e, String text, Instant now) {
        return OutboxEntry.queued(Recipient.twitterId(e.senderId()), text, true, now);
    }

    private void onTwitterFailure(TwitterApiException e) {
        if (e.credentialsRejected()) {
            health.credentials(Credentials.REJECTED,
                    "Twitter rejected the credentials (code " + e.errorCode() + ")");
        } else if (e.status() < 0) {
            health.credentials(bot == null ? Credentials.UNREACHABLE : Credentials.ACCEPTED,
                    "Twitter could not be reached: " + e.getMessage());
        }
        LOG.warn("DM poll failed, will retry: {}", e.getMessage());
    }
}
