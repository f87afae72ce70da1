package casebird.twitter.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One DM waiting to be sent.
 *
 * @param id the store's key, increasing in the order entries were queued
 * @param to the recipient
 * @param text the DM's text
 * @param reply whether it answers an agent's DM (replies go before notices)
 * @param attempts how many sends failed so far
 * @param notBefore the earliest time of the next attempt
 * @param actor the CRM login whose action caused a notice to a room, left out when the
 *     room's notice goes one-to-one instead (as queue-members notices leave them out)
 */
public record OutboxEntry(long id, Recipient to, String text, boolean reply, int attempts,
        Instant notBefore, Optional<String> actor) {

    public OutboxEntry {
        Objects.requireNonNull(actor, "actor");
    }

    /** An entry that names no actor. */
    public OutboxEntry(long id, Recipient to, String text, boolean reply, int attempts,
            Instant notBefore) {
        this(id, to, text, reply, attempts, notBefore, Optional.empty());
    }

    /** A new entry, due at once; the store assigns its id. */
    public static OutboxEntry queued(Recipient to, String text, boolean reply, Instant now) {
        return new OutboxEntry(0, to, text, reply, 0, now);
    }

    /** This entry after one more failed attempt, due again at {@code next}. */
    public OutboxEntry failedOnce(Instant next) {
        return new OutboxEntry(id, to, text, reply, attempts + 1, next, actor);
    }

    /** This entry under the id the store assigned it. */
    public OutboxEntry withId(long newId) {
        return new OutboxEntry(newId, to, text, reply, attempts, notBefore, actor);
    }

    /** This entry naming the CRM login whose action caused it. */
    public OutboxEntry causedBy(String login) {
        return new OutboxEntry(id, to, text, reply, attempts, notBefore, Optional.of(login));
    }
}
