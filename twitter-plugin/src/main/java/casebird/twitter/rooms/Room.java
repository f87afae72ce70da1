package casebird.twitter.rooms;

import java.time.Instant;
import java.util.Set;

/**
 * A queue's room: a group conversation the bot opened with the queue's members.
 *
 * @param conversationId X's id of the group conversation
 * @param queue the CRM queue it was opened for
 * @param members the X account ids of the other participants (the bot excluded)
 * @param openedAt when the bot opened it
 */
public record Room(long conversationId, String queue, Set<Long> members, Instant openedAt) {

    public Room {
        members = Set.copyOf(members);
    }
}
