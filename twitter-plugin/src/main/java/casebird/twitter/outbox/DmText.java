package casebird.twitter.outbox;

/** Keeps DM texts, replies and notices alike, within what one Twitter DM can carry. */
public final class DmText {

    /** Twitter's limit on a DM's text, in characters. */
    public static final int MAX_LENGTH = 10_000;

    private static final String ELLIPSIS = "\u2026";

    private DmText() {}

    /** The text itself if it fits one DM, else its start and an ellipsis, MAX_LENGTH long. */
    public static String fit(String text) {
        return shorten(text, MAX_LENGTH);
    }

    /** The text itself if it has at most max chars, else its start and an ellipsis. */
    public static String shorten(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - ELLIPSIS.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + ELLIPSIS;
    }
}
