package casebird.twitter.rooms;

import casebird.twitter.client.DmEvent;
import casebird.twitter.health.HealthTracker;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rooms' participant events: X's app lets any participant add people to a
 * group, which the API cannot undo, so a room that someone joined who is not one of its
 * members stops being its queue's room. The next notice opens a room of the queue's members
 * alone; commands of the old room's members there still run as before, a newcomer's never.
 */
public final class RoomIntruders {

    private static final Logger LOG = LoggerFactory.getLogger(RoomIntruders.class);

    private final Rooms rooms;
    private final HealthTracker health;

    /** Creates a watch over the rooms, saying in health which room it left. */
    public RoomIntruders(Rooms rooms, HealthTracker health) {
        this.rooms = rooms;
        this.health = health;
    }

    /** Looks at one listed event; a join naming strangers in a queue's room retires it. */
    public void seen(DmEvent event, long botId) {
        if (event.isMessage() || event.room().isEmpty()) {
            return;
        }
        Optional<Room> room = rooms.room(event.room().getAsLong());
        if (room.isEmpty()) {
            return;
        }
        List<Long> strangers = event.joined().stream()
                .filter(id -> id != botId && !room.get().members().contains(id)).toList();
        if (strangers.isEmpty() || !rooms.retire(room.get().conversationId())) {
            return;
        }
        String who = strangers.stream().map(String::valueOf).collect(Collectors.joining(", "));
        LOG.warn("queue {}'s room {} was joined by account(s) {}, added by {}: the next"
                + " notice opens a new room", room.get().queue(), room.get().conversationId(),
                who, event.senderId());
        health.warning("room-left:" + room.get().queue(), Optional.of("queue "
                + room.get().queue() + "'s room " + room.get().conversationId() + " was left:"
                + " someone added account(s) " + who + " who are not its members; its notices"
                + " go to a new room"));
    }
}
