package casebird.harness.twitter;

import java.time.Instant;
import java.util.List;

/**
 * A group DM conversation: its plain-number id, the account that created it and every
 * member, the creator first (X has no call to add members later).
 */
public record GroupConversation(String id, long creatorId, List<Long> memberIds,
        Instant createdAt) {

    /** Copies the members. */
    public GroupConversation {
        memberIds = List.copyOf(memberIds);
    }

    /** Whether the account is a member. */
    public boolean hasMember(long accountId) {
        return memberIds.contains(accountId);
    }

    /** The members other than the creator. */
    public List<Long> othersThanCreator() {
        return memberIds.stream().filter(id -> id != creatorId).toList();
    }
}
