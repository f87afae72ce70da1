package casebird.twitter.client;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;

/**
 * One DM event from the bot's list: who sent it to whom, and its text.
 *
 * @param recipientId the other member of a one-to-one conversation; 0 in a group
 * @param room the group conversation (room) the event belongs to, if it is in one
 * @param joined the participants a {@code ParticipantsJoin} event names (never a
 *     command); empty for a message
 */
public record DmEvent(long id, long senderId, long recipientId, String text, Instant createdAt,
        OptionalLong room, List<Long> joined) {

    public DmEvent {
        joined = List.copyOf(joined);
    }

    /** A one-to-one message. */
    public DmEvent(long id, long senderId, long recipientId, String text, Instant createdAt) {
        this(id, senderId, recipientId, text, createdAt, OptionalLong.empty(), List.of());
    }

    /** A message posted in a group conversation. */
    public static DmEvent inRoom(long id, long senderId, long room, String text,
            Instant createdAt) {
        return new DmEvent(id, senderId, 0, text, createdAt, OptionalLong.of(room), List.of());
    }

    /** A group conversation's {@code ParticipantsJoin} event: who joined, and who added them. */
    public static DmEvent joined(long id, long senderId, long room, List<Long> participants,
            Instant createdAt) {
        return new DmEvent(id, senderId, 0, "", createdAt, OptionalLong.of(room), participants);
    }

    /** Whether this is a message (one-to-one or in a room), not a participants event. */
    public boolean isMessage() {
        return joined.isEmpty();
    }
}
