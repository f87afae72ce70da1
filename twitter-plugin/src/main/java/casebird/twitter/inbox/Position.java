package casebird.twitter.inbox;

import java.util.OptionalLong;

/** How far the poller has read the bot's DMs, durably. */
public interface Position {

    /** The highest DM event id the poller has examined, if it ever polled. */
    OptionalLong position();

    /** The id at or below which no DM event is ever handled: the newest one at install. */
    long floor();

    /** Sets the position and the floor on the very first poll. */
    void startAt(long eventId);

    /** Moves the poller's position (never backwards). */
    void advance(long eventId);
}
