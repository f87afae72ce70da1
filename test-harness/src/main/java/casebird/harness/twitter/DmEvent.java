package casebird.harness.twitter;

import java.time.Instant;

/** An event of an account's DM list: a one-to-one message or a group conversation's event. */
public interface DmEvent {

    /** The event's id, time-ordered across one-to-one and group events. */
    long id();

    /** The account that sent the message or, for a join, created the group. */
    long senderId();

    /** When the event happened. */
    Instant createdAt();
}
