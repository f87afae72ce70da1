package casebird.twitter.rooms;

import casebird.api.crm.CrmSdk;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.RoomRefusedException;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends an outbox DM to a room: to a queue's current room, opening one (with the DM as its
 * first message) when the queue has none or its linked members changed, and saying in the
 * old room that it moved; or to one conversation, as replies to commands posted there.
 *
 * <p>A room holds the bot and the queue's members with a linked X account, less those X
 * named as refusing group DMs (they get the DM one-to-one). A queue with fewer than 2 or
 * more than 49 such members, a refusal of X naming nobody, or an API without rooms turns
 * the DM into one-to-one DMs to each linked member, with the reason in health; a member
 * never gets a one-to-one copy of a notice their own action caused.
 *
 * <p>Before asking X for a room the poster records the {@link Opening}; if the plugin
 * stopped between X's answer and the commit, the next attempt reads the newest events and
 * adopts the room X made for those members instead of opening a second one.
 */
public final class RoomPoster {

    /** Fewest and most other participants X takes in a group conversation. */
    public static final int MIN_OTHERS = 2;
    public static final int MAX_OTHERS = 49;
    /** What the old room is told when its queue's members changed. */
    public static final String MOVED =
            "This room moved: the queue's members changed; a new room was opened.";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(RoomPoster.class);

    private final TwitterPort twitter;
    private final Rooms rooms;
    private final CrmSdk crm;
    private final AgentDirectory directory;
    private final Clock clock;
    private final HealthTracker health;
    private final Optional<String> unavailable;

    /**
     * Creates a poster; {@code unavailable} says why the API in use has no rooms (then every
     * room DM goes one-to-one), empty when it has them.
     */
    public RoomPoster(TwitterPort twitter, Rooms rooms, CrmSdk crm, AgentDirectory directory,
            Clock clock, HealthTracker health, Optional<String> unavailable) {
        this.twitter = twitter;
        this.rooms = rooms;
        this.crm = crm;
        this.directory = directory;
        this.clock = clock;
        this.health = health;
        this.unavailable = unavailable;
    }

    /**
     * Sends one DM ({@code text}, the entries joined) to the entries' room and settles the
     * entries in the store; returns whether a DM went to a room (false when the entries
     * became one-to-one DMs or were dropped).
     *
     * @throws TwitterApiException when X failed otherwise: the entries stay queued
     */
    public boolean post(List<OutboxEntry> entries, String text) {
        Recipient to = entries.get(0).to();
        List<Long> ids = entries.stream().map(OutboxEntry::id).toList();
        if (to.kind() == Recipient.Kind.CONVERSATION) {
            if (!postedIn(Long.parseLong(to.value()), text)) {
                LOG.warn("dropping DM to {}: X says the bot is not in it", to);
                rooms.settle(ids, List.of(), Optional.empty());
                return false;
            }
            rooms.settle(ids, List.of(), Optional.empty());
            return true;
        }
        return postToQueue(to.value(), entries, ids, text);
    }

    private boolean postToQueue(String queue, List<OutboxEntry> entries, List<Long> ids,
            String text) {
        Map<Long, String> linked = linkedMembers(queue);
        if (unavailable.isPresent()) {
            return oneToOne(queue, entries, ids, linked, unavailable.get());
        }
        Set<Long> wanted = new HashSet<>(linked.keySet());
        List<OutboxEntry> copies = new ArrayList<>();
        List<String> refusing = new ArrayList<>();
        for (long refuser : rooms.refusers()) {
            if (wanted.remove(refuser)) {
                copies.addAll(copies(entries, linked.get(refuser)));
                refusing.add(linked.get(refuser));
            }
        }
        while (true) {
            if (wanted.size() < MIN_OTHERS || wanted.size() > MAX_OTHERS) {
                return oneToOne(queue, entries, ids, linked, "it has " + wanted.size()
                        + " member(s) with a linked X account who accept group DMs; a room"
                        + " takes " + MIN_OTHERS + " to " + MAX_OTHERS);
            }
            Optional<Room> current = rooms.current(queue);
            if (current.isPresent() && current.get().members().equals(wanted)) {
                if (postedIn(current.get().conversationId(), text)) {
                    settled(queue, ids, copies, Optional.empty(), refusing);
                    return true;
                }
                LOG.warn("X says the bot is no longer in queue {}'s room {}: opening another",
                        queue, current.get().conversationId());
                current = Optional.empty();
            }
            List<OutboxEntry> queued = new ArrayList<>(copies);
            current.ifPresent(old -> queued.add(OutboxEntry.queued(
                    Recipient.conversation(old.conversationId()), MOVED, false,
                    clock.instant())));
            Optional<Room> adopted = adopt(queue, wanted, text);
            if (adopted.isPresent()) {
                settled(queue, ids, queued, adopted, refusing);
                return true;
            }
            Instant now = clock.instant();
            rooms.opening(new Opening(queue, wanted, now));
            try {
                RoomCreated created = twitter.createRoom(wanted.stream().sorted().toList(), text);
                settled(queue, ids, queued, Optional.of(
                        new Room(created.conversationId(), queue, wanted, now)), refusing);
                return true;
            } catch (RoomRefusedException e) {
                if (e.member().isEmpty() || !wanted.contains(e.member().getAsLong())) {
                    return oneToOne(queue, entries, ids, linked,
                            "X refuses group conversations for now (" + e.reason() + ")");
                }
                long refuser = e.member().getAsLong();
                LOG.info("X says account {} of queue {} refuses group DMs: it gets this"
                        + " queue's notices one-to-one", refuser, queue);
                rooms.refusesGroups(refuser, clock.instant());
                wanted.remove(refuser);
                copies.addAll(copies(entries, linked.get(refuser)));
                refusing.add(linked.get(refuser));
            }
        }
    }

    /**
     * The room X made for these members after the recorded opening, found among the newest
     * events, when the plugin stopped before recording it; the DM is posted there unless
     * the room's first message already is it.
     */
    private Optional<Room> adopt(String queue, Set<Long> wanted, String text) {
        Optional<Opening> opening = rooms.opening(queue);
        if (opening.isEmpty() || !opening.get().members().equals(wanted)) {
            return Optional.empty();
        }
        List<DmEvent> newest = twitter.listEvents(Optional.empty()).events();
        Instant since = opening.get().at().minus(CLOCK_SKEW);
        for (DmEvent join : newest) {
            if (join.isMessage() || join.room().isEmpty() || join.createdAt().isBefore(since)
                    || rooms.room(join.room().getAsLong()).isPresent()
                    || wanted.contains(join.senderId())) {
                continue;
            }
            Set<Long> joined = new HashSet<>(join.joined());
            joined.remove(join.senderId());
            if (!joined.equals(wanted)) {
                continue;
            }
            long id = join.room().getAsLong();
            LOG.warn("queue {}'s room {} was opened before the plugin stopped; using it",
                    queue, id);
            boolean posted = newest.stream().anyMatch(e -> e.isMessage()
                    && e.room().equals(join.room()) && e.senderId() == join.senderId()
                    && e.text().equals(text));
            if (!posted) {
                twitter.postToRoom(id, text);
            }
            return Optional.of(new Room(id, queue, wanted, join.createdAt()));
        }
        return Optional.empty();
    }

    /**
     * Posts in a conversation; false when X answers 403, which for a post means the bot is
     * not in that conversation (any other failure is thrown).
     */
    private boolean postedIn(long conversationId, String text) {
        try {
            twitter.postToRoom(conversationId, text);
            return true;
        } catch (TwitterApiException e) {
            if (e.status() != 403) {
                throw e;
            }
            return false;
        }
    }

    private void settled(String queue, List<Long> ids, List<OutboxEntry> queued,
            Optional<Room> opened, List<String> refusing) {
        rooms.settle(ids, queued, opened);
        health.warning(topic(queue), refusing.isEmpty() ? Optional.empty()
                : Optional.of("queue " + queue + "'s room leaves out who refuse group DMs ("
                        + String.join(", ", refusing) + "): they get its notices one-to-one"));
    }

    private boolean oneToOne(String queue, List<OutboxEntry> entries, List<Long> ids,
            Map<Long, String> linked, String why) {
        List<OutboxEntry> queued = new ArrayList<>();
        linked.values().forEach(login -> queued.addAll(copies(entries, login)));
        LOG.info("queue {} is notified one-to-one: {}", queue, why);
        rooms.settle(ids, queued, Optional.empty());
        health.warning(topic(queue), Optional.of("queue " + queue
                + " is notified one-to-one: " + why));
        return false;
    }

    /**
     * One-to-one copies of the entries for that member, less those the member caused (as a
     * queue-members notice leaves out its actor); each copy is as old as its entry (queued
     * when the entry became due), so the notice bound still counts from then.
     */
    private static List<OutboxEntry> copies(List<OutboxEntry> entries, String login) {
        return entries.stream().filter(e -> !e.actor().equals(Optional.of(login)))
                .map(e -> OutboxEntry.queued(Recipient.login(login), e.text(), false,
                        e.notBefore())).toList();
    }

    /** The queue's members with a linked X account, by account id, in the CRM's order. */
    private Map<Long, String> linkedMembers(String queue) {
        Map<Long, String> linked = new LinkedHashMap<>();
        for (String login : crm.queueMembers(queue)) {
            directory.idOfLogin(login).ifPresent(id -> linked.putIfAbsent(id, login));
        }
        return linked;
    }

    private static String topic(String queue) {
        return "room:" + queue;
    }
}
