package casebird.harness.scenario;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Reads the words of one statement in order, failing with the column of what is wrong. */
final class TokenCursor {

    /** A grammar problem at a column. */
    static final class GrammarException extends Exception {
        final int column;

        GrammarException(int column, String message) {
            super(message);
            this.column = column;
        }
    }

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
    private static final Pattern AMOUNT = Pattern.compile("\\d+(\\.\\d+)?");

    private final List<Token> tokens;
    private final int endColumn;
    private int next;

    TokenCursor(List<Token> tokens, int endColumn) {
        this.tokens = tokens;
        this.endColumn = endColumn;
    }

    boolean atEnd() {
        return next >= tokens.size();
    }

    /** The next word without taking it, if any. */
    Optional<Token> peek() {
        return atEnd() ? Optional.empty() : Optional.of(tokens.get(next));
    }

    /** Takes the next word, which must exist. */
    Token take(String what) throws GrammarException {
        if (atEnd()) {
            throw new GrammarException(endColumn, "expected " + what + " at the end of the line");
        }
        return tokens.get(next++);
    }

    /** Takes the next word if it is the keyword. */
    boolean accept(String keyword) {
        if (!atEnd() && tokens.get(next).is(keyword)) {
            next++;
            return true;
        }
        return false;
    }

    void expect(String keyword) throws GrammarException {
        Token token = take("'" + keyword + "'");
        if (!token.is(keyword)) {
            throw new GrammarException(token.column(),
                    "expected '" + keyword + "' but found '" + token.text() + "'");
        }
    }

    void end() throws GrammarException {
        if (!atEnd()) {
            Token extra = tokens.get(next);
            throw new GrammarException(extra.column(), "unexpected '" + extra.text() + "'");
        }
    }

    /** A {@code @name} word, returned without the {@code @}. */
    String screenName() throws GrammarException {
        Token token = take("a Twitter @name");
        if (token.quoted() || !token.text().startsWith("@") || token.text().length() < 2) {
            throw new GrammarException(token.column(),
                    "expected a Twitter @name but found '" + token.text() + "'");
        }
        return token.text().substring(1);
    }

    /** A bare word such as a login, queue or rule id. */
    String bareWord(String what) throws GrammarException {
        Token token = take(what);
        if (token.quoted() || token.text().isEmpty()) {
            throw new GrammarException(token.column(), "expected " + what + ", not a string");
        }
        return token.text();
    }

    String string(String what) throws GrammarException {
        Token token = take(what);
        if (!token.quoted()) {
            throw new GrammarException(token.column(),
                    "expected " + what + " in quotes but found '" + token.text() + "'");
        }
        return token.text();
    }

    long caseId() throws GrammarException {
        Token token = take("a case id");
        return number(token, "a case id");
    }

    long number(Token token, String what) throws GrammarException {
        try {
            long value = Long.parseLong(token.text());
            if (value < 0 || token.quoted()) {
                throw new NumberFormatException();
            }
            return value;
        } catch (NumberFormatException e) {
            throw new GrammarException(token.column(),
                    "expected " + what + " (a whole number) but found '" + token.text() + "'");
        }
    }

    Duration duration() throws GrammarException {
        Token token = take("a duration such as 500ms, 2s or 1m");
        return duration(token, token.text());
    }

    static Duration duration(Token token, String text) throws GrammarException {
        Matcher m = DURATION.matcher(text);
        if (token.quoted() || !m.matches()) {
            throw new GrammarException(token.column(),
                    "expected a duration such as 500ms, 2s or 1m but found '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        switch (m.group(2)) {
            case "ms": return Duration.ofMillis(n);
            case "s": return Duration.ofSeconds(n);
            case "m": return Duration.ofMinutes(n);
            default: return Duration.ofHours(n);
        }
    }

    /** {@code within D} if it comes next. */
    Optional<Duration> within() throws GrammarException {
        return accept("within") ? Optional.of(duration()) : Optional.empty();
    }

    /** {@code ~ "regex"} if it comes next, compiled case-insensitively. */
    Optional<Pattern> optionalRegex() throws GrammarException {
        return accept("~") ? Optional.of(regex()) : Optional.empty();
    }

    Pattern regex() throws GrammarException {
        Token token = take("a regex in quotes");
        if (!token.quoted()) {
            throw new GrammarException(token.column(), "expected a regex in quotes");
        }
        try {
            return Pattern.compile(token.text(),
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw new GrammarException(token.column(), "bad regex: " + e.getDescription());
        }
    }

    /** The words up to the end or to a {@code ~}, each {@code key=value}, in order. */
    Map<String, String> keyValues() throws GrammarException {
        Map<String, String> values = new LinkedHashMap<>();
        while (!atEnd() && !peek().get().is("~")) {
            Token token = take("key=value");
            values.putAll(keyValue(token));
        }
        return values;
    }

    /** Takes {@code key=value} words while the next word is one. */
    Map<String, String> keyValuesWhile() throws GrammarException {
        Map<String, String> values = new LinkedHashMap<>();
        while (!atEnd() && peek().get().text().indexOf('=') > 0) {
            values.putAll(keyValue(take("key=value")));
        }
        return values;
    }

    private static Map<String, String> keyValue(Token token) throws GrammarException {
        int eq = token.text().indexOf('=');
        if (eq <= 0) {
            throw new GrammarException(token.column(),
                    "expected key=value but found '" + token.text() + "'");
        }
        return Map.of(token.text().substring(0, eq), token.text().substring(eq + 1));
    }

    /** A count check: {@code N}, {@code = N}, {@code <= N}, {@code >= N}, {@code < N}. */
    Comparison comparison() throws GrammarException {
        Operand check = operand("a count");
        return new Comparison(check.operator(), number(check.value(), "a count"));
    }

    /** An amount check such as {@code <= 0.50}: the comparisons of a count, in dollars. */
    Comparison amountComparison() throws GrammarException {
        Operand check = operand("an amount in dollars such as 0.50");
        Token value = check.value();
        if (value.quoted() || !AMOUNT.matcher(value.text()).matches()) {
            throw new GrammarException(value.column(), "expected an amount in dollars such as"
                    + " 0.50 but found '" + value.text() + "'");
        }
        return new Comparison(check.operator(), new BigDecimal(value.text()));
    }

    /** A comparison's operator ({@code =} when none is written) and the word after it. */
    private record Operand(String operator, Token value) {}

    private Operand operand(String what) throws GrammarException {
        Token token = take(what);
        if (!token.quoted() && token.text().matches("<=|>=|=|<|>")) {
            return new Operand(token.text(), take(what));
        }
        return new Operand("=", token);
    }
}
