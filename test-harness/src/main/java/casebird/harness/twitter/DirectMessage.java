package casebird.harness.twitter;

import java.time.Instant;
import java.util.Objects;

/** One direct message event as the fake API stores it; the text is as sent, not escaped. */
public record DirectMessage(long id, long senderId, long recipientId, String text,
        Instant createdAt) implements DmEvent {

    /** Rejects missing text or time. */
    public DirectMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether the account sent or received this message. */
    public boolean involves(long accountId) {
        return senderId == accountId || recipientId == accountId;
    }
}
