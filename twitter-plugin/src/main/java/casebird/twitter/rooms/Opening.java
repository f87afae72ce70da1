package casebird.twitter.rooms;

import java.time.Instant;
import java.util.Set;

/**
 * A room about to be created, recorded before X is asked so that a crash between X's
 * answer and the commit of the room can be recognised afterwards.
 *
 * @param queue the CRM queue the room is for
 * @param members the other participants asked for
 * @param at when the creation was asked for
 */
public record Opening(String queue, Set<Long> members, Instant at) {

    public Opening {
        members = Set.copyOf(members);
    }
}
