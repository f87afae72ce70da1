package casebird.twitter.command;

/**
 * Reads a DM word by word while keeping the exact text of what follows.
 *
 * <p>Words are separated by any run of whitespace: spaces, tabs, line breaks, and the
 * no-break spaces phone keyboards sometimes insert.
 */
final class Words {

    private final String text;
    private int position;

    Words(String text) {
        this.text = text;
    }

    /** The next word, or an empty string when only whitespace is left. */
    String next() {
        skipWhitespace();
        int start = position;
        while (position < text.length() && !isWhitespace(text.codePointAt(position))) {
            position += Character.charCount(text.codePointAt(position));
        }
        return text.substring(start, position);
    }

    /** Everything after the whitespace that follows the last word, exactly as written. */
    String rest() {
        skipWhitespace();
        String rest = text.substring(position);
        position = text.length();
        return rest;
    }

    private void skipWhitespace() {
        while (position < text.length() && isWhitespace(text.codePointAt(position))) {
            position += Character.charCount(text.codePointAt(position));
        }
    }

    /**
     * Throws IllegalArgumentException unless the text could be the notes {@link #rest()}
     * returns: not empty, and not starting with whitespace.
     */
    static void checkNotes(String notes, long caseId) {
        if (notes.isEmpty() || isWhitespace(notes.codePointAt(0))) {
            throw new IllegalArgumentException("a note on case " + caseId
                    + " must not be empty or start with whitespace");
        }
    }

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
