package casebird.harness.scenario;

import java.util.ArrayList;
import java.util.List;

/** Splits one scenario line into words, resolving quoted strings and dropping comments. */
final class LineLexer {

    /** A lexing problem at a column of the line. */
    static final class LexException extends Exception {
        final int column;

        LexException(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    private LineLexer() {}

    /** The words of the line; a word may join bare text and a quoted string (key="v"). */
    static List<Token> tokens(String line) throws LexException {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                i++;
                continue;
            }
            if (c == '#') {
                break;
            }
            int start = i;
            StringBuilder text = new StringBuilder();
            boolean quoted = false;
            while (i < n && line.charAt(i) != ' ' && line.charAt(i) != '\t') {
                char ch = line.charAt(i);
                if (ch == '"') {
                    i = readQuoted(line, i, text);
                    quoted = true;
                } else {
                    text.append(ch);
                    i++;
                }
            }
            tokens.add(new Token(text.toString(), quoted, start + 1));
        }
        return tokens;
    }

    private static int readQuoted(String line, int open, StringBuilder out) throws LexException {
        int i = open + 1;
        while (i < line.length()) {
            char ch = line.charAt(i);
            if (ch == '"') {
                return i + 1;
            }
            if (ch == '\\') {
                if (i + 1 >= line.length()) {
                    throw new LexException(i + 1, "a backslash ends the line inside a string");
                }
                out.append(escape(line.charAt(i + 1), i + 1));
                i += 2;
            } else {
                out.append(ch);
                i++;
            }
        }
        throw new LexException(open + 1, "this string has no closing quote");
    }

    private static char escape(char ch, int column) throws LexException {
        switch (ch) {
            case '"': return '"';
            case '\\': return '\\';
            case 'n': return '\n';
            case 't': return '\t';
            default:
                throw new LexException(column,
                        "unknown escape \\" + ch + " (use \\\", \\\\, \\n or \\t)");
        }
    }
}
