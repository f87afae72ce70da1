package casebird.twitter.inbox;

import java.util.List;

/** Handled DMs waiting to be deleted from the bot's view. */
public interface Deletions {

    /** The waiting DMs' event ids, oldest first, at most {@code max}. */
    List<Long> next(int max);

    /** Forgets a deletion that was done or can never be. */
    void remove(long eventId);
}
