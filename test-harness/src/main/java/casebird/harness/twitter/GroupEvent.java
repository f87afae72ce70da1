package casebird.harness.twitter;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One event of a group conversation: a message ({@code text} set) or the members joining
 * when the group was made ({@code participantIds} set, the members other than its creator).
 */
public record GroupEvent(long id, String conversationId, Type type, long senderId,
        String text, List<Long> participantIds, Instant createdAt) implements DmEvent {

    /** The kinds of group event the fake makes, with X's {@code event_type} words. */
    public enum Type {
        MESSAGE_CREATE("MessageCreate"),
        PARTICIPANTS_JOIN("ParticipantsJoin");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** X's {@code event_type} value. */
        public String word() {
            return word;
        }
    }

    /** Copies the participants; a join carries no text and a message no participants. */
    public GroupEvent {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(createdAt, "createdAt");
        text = text == null ? "" : text;
        participantIds = List.copyOf(participantIds);
    }

    /** Whether this is a message (not a join). */
    public boolean isMessage() {
        return type == Type.MESSAGE_CREATE;
    }
}
