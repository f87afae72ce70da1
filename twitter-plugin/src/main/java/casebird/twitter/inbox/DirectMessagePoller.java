package casebird.twitter.inbox;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.command.Handled;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.rooms.RoomIntruders;
import casebird.twitter.rooms.Rooms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.stream.Collectors;
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
 * before it, so a later poll retries it after a backoff; after its last attempt it is
 * parked (marked handled, its sender told, audited and named in health) and the poll goes
 * on, so no DM waits behind another for longer than those attempts.
 *
 * <p>Messages in a known room (group conversation) from one of its members run as their
 * sender like one-to-one ones, with the sender's rights of the moment; the reply goes
 * where {@link ReplyRoute} says: to the room when it is the team's business, to the sender
 * alone for the personal views ({@code status}, {@code mine}, help and usage) and failures
 * of the sender's own. Messages in
 * other group conversations, or from someone who is not a member of the room, run nothing:
 * a linked agent gets {@link #ROOM_HINT} one-to-one, anyone else the "not linked" reply,
 * both under the {@link UnlinkedReplyGate}'s per-sender interval and daily cap. Participant
 * events and the bot's own messages never run; a join that brings a stranger into a room
 * retires it ({@link RoomIntruders}).
 *
 * <p>Events a webhook delivered take the same path (same filters, key and processed-id
 * record) without moving the position, so polling still finds any delivery that was lost;
 * an event both delivered and polled, or delivered twice, runs once.
 */
public final class DirectMessagePoller {

    private static final Logger LOG = LoggerFactory.getLogger(DirectMessagePoller.class);
    /** How long handled event ids are remembered, so a delivery may be at most this old. */
    public static final Duration KEEP_PROCESSED = Duration.ofDays(31);

    /**
     * The one-to-one hint a linked agent gets for writing in a group conversation that is
     * not one of the plugin's rooms (or not as its member): nothing ran.
     */
    public static final String ROOM_HINT = "Nothing was done: commands work in a DM to me or"
            + " in your queue's room, not in this group.";

    private final TwitterPort twitter;
    private final CatchUpReader reader;
    private final boolean deleteHandled;
    private final Position position;
    private final Processed processed;
    private final Parked parkedEvents;
    private final AgentDirectory directory;
    private final CommandRunner commands;
    private final UnlinkedReplyGate gate;
    private final Clock clock;
    private final HealthTracker health;
    private final CommandRetries retries;
    private final Rooms rooms;
    private final RoomIntruders intruders;
    private final AuditLog audit = new AuditLog();
    private BotAccount bot;

    /** Creates a poller; all its work runs on the caller's thread. */
    public DirectMessagePoller(TwitterPort twitter, Position position, Processed processed,
            Parked parked, AgentDirectory directory, CommandRunner commands,
            UnlinkedReplyGate gate, InboxPolicy policy, Clock clock, HealthTracker health,
            Rooms rooms) {
        this.twitter = twitter;
        this.reader = new CatchUpReader(twitter, policy.lookBack());
        this.deleteHandled = policy.deleteHandled();
        this.position = position;
        this.processed = processed;
        this.parkedEvents = parked;
        this.directory = directory;
        this.commands = commands;
        this.gate = gate;
        this.clock = clock;
        this.health = health;
        this.rooms = rooms;
        this.intruders = new RoomIntruders(rooms, health);
        this.retries = new CommandRetries(policy.commandAttempts(), policy.commandBackoff(),
                clock);
    }

    /**
     * Reads the inbox once and handles what is new; failures are logged and retried next
     * time. Returns whether the read was complete.
     */
    public boolean pollOnce() {
        boolean complete = false;
        try {
            bot();
            directory.beginPoll();
            OptionalLong at = position.position();
            if (at.isEmpty()) {
                position.startAt(reader.newest().map(DmEvent::id).orElse(0L));
            } else {
                handleNew(reader.since(at.getAsLong(), this::settled), at.getAsLong());
            }
            health.polled(clock.instant());
            reportParked();
            processed.forgetBefore(clock.instant().minus(KEEP_PROCESSED));
            complete = true;
        } catch (TwitterApiException e) {
            onTwitterFailure(e);
        } catch (BudgetSpentException e) {
            LOG.debug("DM poll waits for budget: {}", e.getMessage());
        }
        health.report();
        return complete;
    }

    /** The bot's account id, once the credentials were checked. */
    public OptionalLong botId() {
        BotAccount b = bot;
        return b == null ? OptionalLong.empty() : OptionalLong.of(b.id());
    }

    /** Whether the first poll has set the position, so that deliveries can be handled. */
    public boolean ready() {
        return bot != null && position.position().isPresent();
    }

    /**
     * Handles the DM events of one webhook delivery, oldest first; before the first poll,
     * or for another account than the bot, it ignores them (polling reads them instead).
     */
    public void handleDelivered(Delivery delivery) {
        if (!ready() || delivery.forUserId().orElse(bot.id()) != bot.id()) {
            LOG.debug("delivery ignored: the first poll has not run or it is for another user");
            return;
        }
        directory.beginDelivery(clock.instant());
        long floor = position.floor();
        confirmed(delivery.events()).stream()
                .filter(e -> e.id() > floor && isForUs(e) && !processed.isProcessed(e.id())
                        && retries.due(e.id()))
                .sorted(Comparator.comparingLong(DmEvent::id))
                .forEach(e -> attempt(e, true));
        reportParked();
        health.report();
    }

    /**
     * The delivered events, where one from a member of a known room is replaced by its
     * listed self (a pushed event does not say which conversation it is in), or left for the
     * next read when the newest page does not hold it yet.
     */
    private List<DmEvent> confirmed(List<DmEvent> delivered) {
        List<DmEvent> confirmed = new ArrayList<>();
        Map<Long, DmEvent> listed = null;
        for (DmEvent e : delivered) {
            if (e.room().isPresent() || !rooms.inAnyRoom(e.senderId())) {
                confirmed.add(e);
                continue;
            }
            if (listed == null) {
                listed = newestListed();
            }
            DmEvent seen = listed.get(e.id());
            if (seen == null) {
                LOG.debug("delivered DM {} may be a room message: left for the next read",
                        e.id());
            } else {
                confirmed.add(seen);
            }
        }
        return confirmed;
    }

    private Map<Long, DmEvent> newestListed() {
        try {
            return twitter.listEvents(Optional.empty()).events().stream()
                    .collect(Collectors.toMap(DmEvent::id, e -> e, (a, b) -> a));
        } catch (TwitterApiException | BudgetSpentException e) {
            LOG.debug("could not confirm delivered DMs by a read: {}", e.getMessage());
            return Map.of();
        }
    }

    /** Whether nothing is left to do for an event the poller has passed. */
    private boolean settled(DmEvent e) {
        return !isForUs(e) || processed.isProcessed(e.id());
    }

    private boolean isForUs(DmEvent e) {
        return e.isMessage() && e.senderId() != bot.id()
                && (e.room().isPresent() || e.recipientId() == bot.id());
    }

    private BotAccount bot() {
        if (bot == null) {
            bot = twitter.verifyCredentials();
            directory.botIs(bot.id());
            health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials of @"
                    + bot.screenName());
        }
        return bot;
    }

    private void handleNew(List<DmEvent> events, long from) {
        long floor = position.floor();
        List<DmEvent> candidates = events.stream()
                .filter(e -> e.id() > floor)
                .sorted(Comparator.comparingLong(DmEvent::id))
                .toList();
        long done = from;
        for (DmEvent e : candidates) {
            intruders.seen(e, bot.id());
            if (isForUs(e) && !processed.isProcessed(e.id())
                    && !(retries.due(e.id()) && attempt(e, false))) {
                break;
            }
            done = Math.max(done, e.id());
        }
        position.advance(done);
    }

    /**
     * Handles the event, or records its failure and parks it after its last attempt;
     * returns whether it is done with (handled or parked).
     */
    private boolean attempt(DmEvent e, boolean delivered) {
        try {
            handle(e, delivered);
            retries.succeeded(e.id());
            return true;
        } catch (RuntimeException failure) {
            if (!retries.failed(e.id())) {
                audit.failed(e, failure);
                return false;
            }
            Handled parked = Handled.parked(e.text());
            Instant now = clock.instant();
            processed.park(e.id(), now, ReplyRoute.toSender(e, parked.reply(), now),
                    "case " + parked.command().namedCase().stream().mapToObj(Long::toString)
                            .findFirst().orElse("-"),
                    delivered, deleteHandled);
            audit.parked(e, parked);
            return true;
        }
    }

    private void reportParked() {
        SortedMap<Long, String> all = parkedEvents.parked();
        health.warning("parked", all.isEmpty() ? Optional.empty() : Optional.of(
                all.size() + " DM(s) parked after the CRM kept failing, newest: DM "
                        + all.lastKey() + " (" + all.get(all.lastKey()) + ")"));
    }

    private void handle(DmEvent e, boolean delivered) {
        Instant now = clock.instant();
        Optional<String> login = fromMember(e) ? directory.loginOf(e.senderId())
                : Optional.empty();
        if (login.isPresent()) {
            Handled handled = commands.run(login.get(), Long.toString(e.id()), e.text());
            complete(e, now, Optional.of(ReplyRoute.toCommand(e, login.get(), handled, now)),
                    delivered);
            audit.handled(e, login.get(), handled);
        } else {
            Optional<String> linked = e.room().isPresent() ? directory.loginOf(e.senderId())
                    : Optional.empty();
            boolean admitted = gate.admit(e.senderId(), now);
            String text = linked.isPresent() ? ROOM_HINT : UnlinkedReplyGate.REPLY;
            complete(e, now, admitted ? Optional.of(ReplyRoute.toSender(e, text, now))
                    : Optional.empty(), delivered);
            if (linked.isPresent()) {
                audit.outsideRooms(e, linked.get(), admitted);
            } else {
                audit.unlinked(e, admitted);
            }
        }
    }

    private void complete(DmEvent e, Instant now, Optional<OutboxEntry> reply,
            boolean delivered) {
        if (delivered) {
            processed.completeDelivered(e.id(), now, reply, deleteHandled);
        } else {
            processed.complete(e.id(), now, reply, deleteHandled);
        }
    }

    /** One-to-one, or in a known room from one of its members. */
    private boolean fromMember(DmEvent e) {
        return e.room().isEmpty() || rooms.room(e.room().getAsLong())
                .filter(r -> r.members().contains(e.senderId())).isPresent();
    }

    private void onTwitterFailure(TwitterApiException e) {
        if (e.credentialsRejected()) {
            health.credentials(Credentials.REJECTED,
                    "Twitter rejected the credentials (code " + e.errorCode() + ")");
        } else if (e.permissionMissing()) {
            health.permissionMissing("reading DMs was refused (" + e.reason() + ")");
        } else if (e.status() < 0) {
            health.credentials(bot == null ? Credentials.UNREACHABLE : Credentials.ACCEPTED,
                    "Twitter could not be reached: " + e.getMessage());
        }
        LOG.warn("DM poll failed, will retry: {}", e.getMessage());
    }
}
