package casebird.harness.scenario;

import casebird.api.rule.RuleEvent;
import casebird.harness.scenario.TokenCursor.GrammarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/** Parses scenario files (SCENARIOS.md) into steps; a file with any error yields none. */
public final class ScenarioParser {

    private ScenarioParser() {}

    /** Parses a file as UTF-8. */
    public static Scenario parse(Path file) throws IOException, ScenarioSyntaxException {
        return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Parses scenario text; {@code source} names it in error messages. */
    public static Scenario parse(String source, String text) throws ScenarioSyntaxException {
        List<Step> steps = new ArrayList<>();
        List<String> lines = Arrays.asList(text.split("\r?\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            try {
                List<Token> tokens = LineLexer.tokens(line);
                if (!tokens.isEmpty()) {
                    steps.add(statement(lineNumber, new TokenCursor(tokens, line.length() + 1)));
                }
            } catch (LineLexer.LexException e) {
                throw new ScenarioSyntaxException(source, lineNumber, e.column, e.getMessage());
            } catch (GrammarException e) {
                throw new ScenarioSyntaxException(source, lineNumber, e.column, e.getMessage());
            }
        }
        return new Scenario(source, lines, steps);
    }

    private static Step statement(int line, TokenCursor in) throws GrammarException {
        Token verb = in.take("a statement");
        String word = verb.quoted() ? "" : verb.text().toLowerCase(Locale.ROOT);
        Step step;
        switch (word) {
            case "bot": step = new Step.Bot(line, in.screenName()); break;
            case "user": step = user(line, in); break;
            case "twitter": step = twitterAccount(line, in); break;
            case "queue": step = new Step.Queue(line, in.bareWord("a queue name")); break;
            case "limit": step = limit(line, in); break;
            case "api": step = new Step.Api(line, word(in, "v2 or v1.1", ApiVersion::fromWord));
                break;
            case "auth":
                step = new Step.Auth(line, word(in, "oauth2 or oauth1", AuthScheme::fromWord));
                break;
            case "delivery": step = delivery(line, in); break;
            case "rule": step = rule(line, in); break;
            case "case": step = kase(line, in); break;
            case "dispatch": step = dispatch(line, in); break;
            case "accept": step = acceptAs(line, in); break;
            case "dm": step = dm(line, in); break;
            case "deliver": step = deliver(line, in); break;
            case "rename": step = new Step.Rename(line, in.screenName(), in.screenName()); break;
            case "fault": step = fault(line, in); break;
            case "restart": step = new Step.Restart(line); break;
            case "crash": step = new Step.Crash(line); break;
            case "wait": step = new Step.Wait(line, in.duration()); break;
            case "settle": step = new Step.Settle(line); break;
            case "expect": step = ExpectationParser.expectation(line, in); break;
            default:
                throw new GrammarException(verb.column(), "unknown statement '" + verb.text()
                        + "'; expected one of bot, user, twitter, queue, limit, api, auth,"
                        + " delivery, rule, case, dispatch, accept, dm, deliver, rename, fault,"
                        + " restart, crash, wait, settle, expect");
        }
        in.end();
        return step;
    }

    /** {@code delivery push} or {@code delivery stream}. */
    private static Step delivery(int line, TokenCursor in) throws GrammarException {
        Token how = in.take("push or stream");
        if (how.is("push")) {
            return new Step.DeliveryPush(line);
        }
        if (how.is("stream")) {
            return new Step.DeliveryStream(line);
        }
        throw new GrammarException(how.column(), "expected push or stream after 'delivery' but"
                + " found '" + how.text() + "'");
    }

    private static Step user(int line, TokenCursor in) throws GrammarException {
        String login = in.bareWord("a CRM login");
        Optional<String> twitter = Optional.empty();
        List<String> queues = List.of();
        while (!in.atEnd()) {
            Token token = in.take("twitter= or queues=");
            String lower = token.text().toLowerCase(Locale.ROOT);
            if (lower.startsWith("twitter=") && token.text().length() > 8) {
                twitter = Optional.of(token.text().substring(8));
            } else if (lower.startsWith("queues=") && token.text().length() > 7) {
                queues = List.of(token.text().substring(7).split(","));
            } else {
                throw new GrammarException(token.column(),
                        "expected twitter=@name or queues=Q1,Q2 but found '" + token.text() + "'");
            }
        }
        return new Step.User(line, login, twitter, queues);
    }

    private static Step twitterAccount(int line, TokenCursor in) throws GrammarException {
        String name = in.screenName();
        OptionalLong id = OptionalLong.empty();
        boolean refusesDms = false;
        boolean refusesGroups = false;
        while (!in.atEnd()) {
            Token token = in.take("id=N, refuses=dms or refuses=groups");
            String lower = token.text().toLowerCase(Locale.ROOT);
            if (lower.startsWith("id=")) {
                id = OptionalLong.of(in.number(
                        new Token(token.text().substring(3), false, token.column()), "an id"));
            } else if (lower.equals("refuses=dms")) {
                refusesDms = true;
            } else if (lower.equals("refuses=groups")) {
                refusesGroups = true;
            } else {
                throw new GrammarException(token.column(), "expected id=N, refuses=dms or"
                        + " refuses=groups but found '" + token.text() + "'");
            }
        }
        return new Step.TwitterAccount(line, name, id, refusesDms, refusesGroups);
    }

    /** {@code dm @name "text"} or {@code dm @name in QUEUE "text"}. */
    private static Step dm(int line, TokenCursor in) throws GrammarException {
        String from = in.screenName();
        if (in.accept("in")) {
            String queue = in.bareWord("a queue name");
            return new Step.RoomDm(line, from, queue, in.string("the message"));
        }
        return new Step.Dm(line, from, in.string("the message"));
    }

    /** One keyword out of a closed set, read by {@code lookup}. */
    private static <T> T word(TokenCursor in, String expected,
            Function<String, Optional<T>> lookup) throws GrammarException {
        Token token = in.take(expected);
        return (token.quoted() ? Optional.<T>empty() : lookup.apply(token.text()))
                .orElseThrow(() -> new GrammarException(token.column(),
                        "expected " + expected + " but found '" + token.text() + "'"));
    }

    private static Step limit(int line, TokenCursor in) throws GrammarException {
        String endpoint = in.bareWord("an endpoint such as dm-list").toLowerCase(Locale.ROOT);
        Token rate = in.take("N/WINDOW or none");
        if (rate.is("none")) {
            return new Step.Limit(line, endpoint, OptionalInt.empty(), Duration.ZERO);
        }
        int slash = rate.text().indexOf('/');
        if (slash <= 0 || rate.quoted()) {
            throw new GrammarException(rate.column(),
                    "expected N/WINDOW (e.g. 15/15s) or none but found '" + rate.text() + "'");
        }
        long calls = in.number(new Token(rate.text().substring(0, slash), false, rate.column()),
                "a call count");
        Duration window = TokenCursor.duration(rate, rate.text().substring(slash + 1));
        return new Step.Limit(line, endpoint, OptionalInt.of((int) calls), window);
    }

    /** {@code rule ID on EVENT [queue=Q] do ACTION-ID key=value...}. */
    static Step.Rule rule(int line, TokenCursor in) throws GrammarException {
        String id = in.bareWord("a rule id");
        in.expect("on");
        Token eventToken = in.take("an event such as case-dispatched");
        String event = eventToken.text().toLowerCase(Locale.ROOT);
        if (eventType(event).isEmpty()) {
            throw new GrammarException(eventToken.column(), "unknown event '" + eventToken.text()
                    + "'; expected case-dispatched, case-accepted, case-closed or note-logged");
        }
        Optional<String> queue = Optional.empty();
        Map<String, String> filters = in.keyValuesWhile();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            if (!filter.getKey().equalsIgnoreCase("queue")) {
                throw new GrammarException(in.peek().map(Token::column).orElse(1),
                        "a rule filters only by queue=, not " + filter.getKey() + "=");
            }
            queue = Optional.of(filter.getValue());
        }
        in.expect("do");
        String action = in.bareWord("an action id such as twitter.send-dm");
        return new Step.Rule(line, id, event, queue, action, in.keyValues());
    }

    /** The rule event type with that scenario word, e.g. {@code case-dispatched}. */
    static Optional<RuleEvent.Type> eventType(String word) {
        return Arrays.stream(RuleEvent.Type.values()).filter(t -> t.word().equals(word))
                .findFirst();
    }

    private static Step kase(int line, TokenCursor in) throws GrammarException {
        long id = in.caseId();
        String title = in.string("the case's title");
        Map<String, String> attributes = new LinkedHashMap<>(in.keyValues());
        return new Step.Case(line, id, title, attributes);
    }

    private static Step dispatch(int line, TokenCursor in) throws GrammarException {
        long id = in.caseId();
        in.expect("to");
        return new Step.Dispatch(line, id, in.bareWord("a queue name"));
    }

    private static Step acceptAs(int line, TokenCursor in) throws GrammarException {
        long id = in.caseId();
        in.expect("as");
        return new Step.AcceptAs(line, id, in.bareWord("a CRM login"));
    }

    private static Step deliver(int line, TokenCursor in) throws GrammarException {
        String kind = in.bareWord("forged, crc-signed or replayed").toLowerCase(Locale.ROOT);
        if (kind.equals("forged")) {
            return new Step.DeliverForged(line, in.screenName(), in.string("the message"));
        }
        if (kind.equals("crc-signed")) {
            return new Step.DeliverCrcSigned(line, in.screenName(), in.string("the message"));
        }
        if (!kind.equals("replayed")) {
            throw new GrammarException(1, "expected 'forged', 'crc-signed' or 'replayed' after"
                    + " 'deliver' but found '" + kind + "'");
        }
        String from = in.screenName();
        String text = in.string("the message");
        in.expect("age");
        return new Step.DeliverReplayed(line, from, text, in.duration());
    }

    private static Step fault(int line, TokenCursor in) throws GrammarException {
        String target = in.bareWord("an endpoint, *, webhook, stream, crm or token")
                .toLowerCase(Locale.ROOT);
        switch (target) {
            case "crm": return FaultParser.crmFault(line, in);
            case "stream": return FaultParser.streamFault(line, in);
            case "token":
                return new Step.TokenFault(line, word(in, "expire or revoke", w -> Arrays
                        .stream(Step.TokenFaultKind.values())
                        .filter(k -> k.name().equalsIgnoreCase(w)).findFirst()));
            default: return FaultParser.fault(line, target, in);
        }
    }
}
