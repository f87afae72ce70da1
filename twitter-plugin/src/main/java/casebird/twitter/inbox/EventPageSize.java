package casebird.twitter.inbox;

/**
 * How many DM events a read asks X for per list call ({@code max_results}). X bills each
 * event a page returns (once per UTC day) and allows 15 list calls per 15 minutes, so a
 * read's first page asks for about what the read will need, and a read still catching up
 * after it asks for X's most, spending as few calls as it can.
 */
final class EventPageSize {

    /** X's largest {@code max_results}: for catching up, and before anything is known. */
    static final int MOST = 100;
    /** The smallest first page: the look-back margin and a few new DMs. */
    static final int LEAST = 10;

    private EventPageSize() {}

    /**
     * The first page of a read: twice the events the last complete read went through (new
     * ones arrive meanwhile; an event read again the same day costs nothing, a second call
     * costs one of the window's 15), within {@link #LEAST} and {@link #MOST}.
     */
    static int firstPage(int examinedLastRead) {
        return Math.max(LEAST, Math.min(MOST, 2 * examinedLastRead));
    }
}
