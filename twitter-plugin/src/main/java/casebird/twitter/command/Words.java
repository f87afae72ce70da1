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

    private static boolean isWhitespace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }
}
