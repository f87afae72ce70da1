package casebird.harness.twitter.v2;

/**
 * A DM conversation's id as X API v2 writes it: {@code {smaller user id}-{larger user id}}
 * for a one-to-one conversation (a group's, when the fake has groups, is a plain number).
 */
public record ConversationId(String value) {

    /** The one-to-one conversation of two users, whichever of them is named first. */
    public static ConversationId oneToOne(long oneUser, long otherUser) {
        return new ConversationId(Math.min(oneUser, otherUser) + "-"
                + Math.max(oneUser, otherUser));
    }
}
