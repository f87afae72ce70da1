package casebird.harness.scenario;

import casebird.harness.scenario.TokenCursor.GrammarException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Parses the {@code expect ...} statements. */
final class ExpectationParser {

    /** How long {@code expect no dm} watches when the file gives no {@code within}. */
    static final Duration DEFAULT_QUIET = Duration.ofSeconds(3);

    private ExpectationParser() {}

    static Step expectation(int line, TokenCursor in) throws GrammarException {
        Token what = in.take("dm, no, dms, case, api, spend, invalid or health");
        String word = what.quoted() ? "" : what.text().toLowerCase(Locale.ROOT);
        switch (word) {
            case "dm": {
                Optional<String> room = room(in);
                String to = room.isPresent() ? "" : to(in);
                Optional<Pattern> text = in.optionalRegex();
                return room.isPresent()
                        ? new Step.ExpectRoomDm(line, room.get(), text, in.within())
                        : new Step.ExpectDm(line, to, text, in.within());
            }
            case "no": {
                in.expect("dm");
                Optional<String> room = room(in);
                String to = room.isPresent() ? "" : to(in);
                Optional<Pattern> text = in.optionalRegex();
                Duration within = in.within().orElse(DEFAULT_QUIET);
                return room.isPresent() ? new Step.ExpectNoRoomDm(line, room.get(), text, within)
                        : new Step.ExpectNoDm(line, to, text, within);
            }
            case "dms": {
                Optional<String> room = room(in);
                String to = room.isPresent() ? "" : to(in);
                Comparison count = in.comparison();
                return room.isPresent()
                        ? new Step.ExpectRoomDmCount(line, room.get(), count, in.within())
                        : new Step.ExpectDmCount(line, to, count, in.within());
            }
            case "case": return expectCase(line, in);
            case "api": return expectApi(line, in);
            case "spend": {
                Comparison dollars = in.amountComparison();
                return new Step.ExpectSpend(line, dollars, in.within());
            }
            case "health": return expectHealth(line, in);
            case "invalid": {
                in.expect("rule");
                Step.Rule rule = ScenarioParser.rule(line, in);
                in.expect("~");
                return new Step.ExpectInvalidRule(line, rule, in.regex());
            }
            default:
                throw new GrammarException(what.column(), "unknown expectation '" + what.text()
                        + "'; expected dm, no dm, dms, case, api, spend, invalid rule or"
                        + " health");
        }
    }

    /** {@code in QUEUE} if it comes next: a statement about the queue's room. */
    private static Optional<String> room(TokenCursor in) throws GrammarException {
        return in.accept("in") ? Optional.of(in.bareWord("a queue name"))
                : Optional.empty();
    }

    private static String to(TokenCursor in) throws GrammarException {
        Token word = in.take("'to @name' or 'in QUEUE'");
        if (!word.is("to")) {
            throw new GrammarException(word.column(), "expected 'to' (to @name) or 'in' (in"
                    + " QUEUE, the queue's room) but found '" + word.text() + "'");
        }
        return in.screenName();
    }

    private static Step expectCase(int line, TokenCursor in) throws GrammarException {
        long id = in.caseId();
        Map<String, String> fields = new LinkedHashMap<>();
        Optional<Pattern> note = Optional.empty();
        while (!in.atEnd() && !in.peek().get().is("within")) {
            if (in.accept("note")) {
                in.expect("~");
                note = Optional.of(in.regex());
                continue;
            }
            Token token = in.take("status=, owner=, notes= or note ~");
            int eq = token.text().indexOf('=');
            String key = eq < 0 ? "" : token.text().substring(0, eq).toLowerCase(Locale.ROOT);
            if (!key.equals("status") && !key.equals("owner") && !key.equals("notes")) {
                throw new GrammarException(token.column(), "expected status=, owner=, notes="
                        + " or note ~ \"regex\" but found '" + token.text() + "'");
            }
            fields.put(key, token.text().substring(eq + 1));
        }
        if (fields.isEmpty() && note.isEmpty()) {
            throw new GrammarException(1, "expect case needs status=, owner=, notes= or note ~");
        }
        return new Step.ExpectCase(line, id, fields, note, in.within());
    }

    private static Step expectHealth(int line, TokenCursor in) throws GrammarException {
        Optional<String> credentials = Optional.empty();
        if (!in.atEnd() && in.peek().get().text().toLowerCase(Locale.ROOT)
                .startsWith("credentials=")) {
            Token token = in.take("credentials=");
            String state = token.text().substring("credentials=".length())
                    .toLowerCase(Locale.ROOT);
            if (!List.of("unchecked", "accepted", "rejected", "unreachable").contains(state)) {
                throw new GrammarException(token.column(), "credentials= takes unchecked,"
                        + " accepted, rejected or unreachable, not '" + state + "'");
            }
            credentials = Optional.of(state);
        }
        Optional<Pattern> detail = in.optionalRegex();
        return new Step.ExpectHealth(line, credentials, detail, in.within());
    }

    private static Step expectApi(int line, TokenCursor in) throws GrammarException {
        String endpoint = in.bareWord("an endpoint or *").toLowerCase(Locale.ROOT);
        OptionalInt status = OptionalInt.empty();
        Token next = in.take("status=N or calls");
        if (next.text().toLowerCase(Locale.ROOT).startsWith("status=")) {
            Token value = new Token(next.text().substring(7), false, next.column() + 7);
            status = OptionalInt.of((int) in.number(value, "an HTTP status"));
            next = in.take("calls");
        }
        if (!next.is("calls")) {
            throw new GrammarException(next.column(), "expected 'calls' but found '"
                    + next.text() + "'");
        }
        Comparison count = in.comparison();
        return new Step.ExpectApi(line, endpoint, status, count, in.within());
    }
}
