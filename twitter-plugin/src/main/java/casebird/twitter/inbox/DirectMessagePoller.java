package casebird.twitter.inbox;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.command.Handled;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.OutboxEntry;
import casebird.twitter.state.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.BotAccount;
import casebird.twitter.twitter.DmEvent;
import casebird.twitter.twitter.EventPage;
import casebird.twitter.twitter.TwitterApiException;
import casebird.twitter.twitter.TwitterPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bot's DM events, pages back to the last position, and handles each new
 * message to the bot oldest first: maps the sender to a CRM user, runs the command, queues
 * the reply and marks the event processed in one store commit.
 *
 * <p>On the very first poll the newest event only sets the position: nothing older than
 * the install runs. An event whose command fails unexpectedly stops the poll before it,
 * so the next poll retries it (the CRM call is idempotent by event id).
 */
public final class DirectMessagePoller {

    private static final Logger LOG = LoggerFactory.getLogger(DirectMessagePoller.class);
    private static final int MAX_PAGES = 10;
    private static final Duration KEEP_PROCESSED = Duration.ofDays(31);

    private final TwitterPort twitter;
    private final StateStore store;
    private final AgentDirectory directory;
    private final CommandRunner commands;
    private final UnlinkedReplyGate gate;
    private final Clock clock;
    private final HealthTracker health;
    private final AuditLog audit = new AuditLog();
    private BotAccount bot;
    private Instant pausedUntil = Instant.MIN;

    /** Creates a poller; all its work runs on the caller's thread. */
    public DirectMessagePoller(TwitterPort twitter, StateStore store, AgentDirectory directory,
            CommandRunner commands, UnlinkedReplyGate gate, Clock clock, HealthTracker health) {
        this.twitter = twitter;
        this.store = store;
        this.directory = directory;
        this.commands = commands;
        this.gate = gate;
        this.clock = clock;
        this.health = health;
    }

    /** Reads the inbox once and handles what is new; failures are logged and retried next time. */
    public void pollOnce() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            BotAccount me = bot();
            directory.beginPoll();
            OptionalLong position = store.position();
            List<DmEvent> events = fetch(position);
            if (position.isEmpty()) {
                store.advancePosition(events.stream().mapToLong(DmEvent::id).max().orElse(0));
            } else {
                handleNew(me, events, position.getAsLong());
            }
            health.polled(clock.instant());
            store.prune(clock.instant().minus(KEEP_PROCESSED));
        } catch (TwitterApiException e) {
            onTwitterFailure(e);
        }
        health.report();
    }

    private BotAccount bot() {
        if (bot == null) {
            bot = twitter.verifyCredentials();
            health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials of @"
                    + bot.screenName());
        }
        return bot;
    }

    private List<DmEvent> fetch(OptionalLong position) {
        List<DmEvent> events = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        for (int page = 1; page <= MAX_PAGES; page++) {
            EventPage p = twitter.listEvents(cursor);
            events.addAll(p.events());
            boolean reached = position.isEmpty() || p.events().stream()
                    .anyMatch(e -> e.id() <= position.getAsLong());
            if (reached || p.events().isEmpty() || p.nextCursor().isEmpty()) {
                return events;
            }
            cursor = p.nextCursor();
        }
        LOG.warn("DM list still newer than the last position after {} pages; older events"
                + " are skipped", MAX_PAGES);
        return events;
    }

    private void handleNew(BotAccount me, List<DmEvent> events, long position) {
        List<DmEvent> fresh = events.stream()
                .filter(e -> e.id() > position)
                .sorted(Comparator.comparingLong(DmEvent::id))
                .toList();
        long done = position;
        for (DmEvent e : fresh) {
            boolean forUs = e.recipientId() == me.id() && e.senderId() != me.id();
            if (forUs && !store.isProcessed(e.id())) {
                try {
                    handle(e);
                } catch (RuntimeException failure) {
                    audit.failed(e, failure);
                    break;
                }
            }
            done = e.id();
        }
        store.advancePosition(done);
    }

    private void handle(DmEvent e) {
        Instant now = clock.instant();
        Optional<String> login = directory.loginOf(e.senderId());
        if (login.isPresent()) {
            Handled handled = commands.run(login.get(), Long.toString(e.id()), e.text());
            store.completeEvent(e.id(), now, Optional.of(reply(e, handled.reply(), now)));
            audit.handled(e, login.get(), handled);
        } else {
            boolean admitted = gate.admit(e.senderId(), now);
            store.completeEvent(e.id(), now, admitted
                    ? Optional.of(reply(e, UnlinkedReplyGate.REPLY, now)) : Optional.empty());
            audit.unlinked(e, admitted);
        }
    }

    private static OutboxEntry reply(DmEvent e, String text, Instant now) {
        return OutboxEntry.queued(Recipient.twitterId(e.senderId()), text, true, now);
    }

    private void onTwitterFailure(TwitterApiException e) {
        if (e.rateLimited() && e.rateLimitReset().isPresent()) {
            pausedUntil = Instant.ofEpochSecond(e.rateLimitReset().getAsLong());
        }
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
