package casebird.harness.scenario;

/**
 * One word of a scenario line.
 *
 * @param text the word, with quotes and escapes resolved
 * @param quoted whether any part of it was a quoted string (a quoted word is never a keyword)
 * @param column where it starts on its line, from 1
 */
record Token(String text, boolean quoted, int column) {

    /** Whether this is the given keyword, compared case-insensitively. */
    boolean is(String keyword) {
        return !quoted && text.equalsIgnoreCase(keyword);
    }
}
