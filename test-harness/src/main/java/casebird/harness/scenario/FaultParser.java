package casebird.harness.scenario;

import casebird.harness.scenario.Step.FaultKind;
import casebird.harness.scenario.TokenCursor.GrammarException;
import casebird.harness.twitter.Fault;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Parses the settings of a {@code fault} statement. */
final class FaultParser {

    private FaultParser() {}

    static Step.Fault fault(int line, String target, TokenCursor in) throws GrammarException {
        FaultKind kind = null;
        int status = 0;
        OptionalInt code = OptionalInt.empty();
        Duration delay = Duration.ZERO;
        int times = 1;
        int copies = 1;
        Optional<String> to = Optional.empty();
        while (!in.atEnd()) {
            Token token = in.take("a fault setting");
            String text = token.text().toLowerCase(Locale.ROOT);
            int eq = text.indexOf('=');
            String key = eq < 0 ? text : text.substring(0, eq);
            String value = eq < 0 ? "" : token.text().substring(eq + 1);
            Token valueToken = new Token(value, false, token.column() + eq + 1);
            switch (key) {
                case "status":
                    kind = FaultKind.STATUS;
                    status = (int) in.number(valueToken, "an HTTP status");
                    break;
                case "code":
                    code = OptionalInt.of((int) in.number(valueToken, "a Twitter error code"));
                    break;
                case "delay":
                    kind = FaultKind.DELAY;
                    delay = TokenCursor.duration(valueToken, value);
                    break;
                case "times":
                    times = times(in, valueToken);
                    break;
                case "to":
                    if (!value.startsWith("@") || value.length() < 2) {
                        throw new GrammarException(valueToken.column(),
                                "to= takes a Twitter @name, not '" + value + "'");
                    }
                    to = Optional.of(value.substring(1));
                    break;
                case "reset":
                    kind = FaultKind.RESET;
                    break;
                case "drop":
                    kind = FaultKind.DROP;
                    break;
                case "repeat":
                    kind = FaultKind.REPEAT;
                    copies = (int) in.number(valueToken, "a number of copies");
                    break;
                case "body":
                    if (!value.equalsIgnoreCase("garbage")) {
                        throw new GrammarException(valueToken.column(),
                                "the only body fault is body=garbage");
                    }
                    kind = FaultKind.GARBAGE;
                    break;
                default:
                    throw new GrammarException(token.column(), "unknown fault setting '" + key
                            + "'; expected status=, code=, delay=, times=N|always, to=@name,"
                            + " reset, drop, repeat=N or body=garbage");
            }
        }
        if (kind == null) {
            throw new GrammarException(1,
                    "a fault needs status=N, delay=D, reset, drop, repeat=N or body=garbage");
        }
        boolean webhook = target.equals("webhook");
        if ((kind == FaultKind.DROP || kind == FaultKind.REPEAT) && !webhook) {
            throw new GrammarException(1, "only a webhook fault can drop or repeat");
        }
        if (webhook && (kind == FaultKind.RESET || kind == FaultKind.GARBAGE || code.isPresent()
                || times < 1 || copies < 1)) {
            throw new GrammarException(1, "a webhook fault is status=N, delay=D, drop or"
                    + " repeat=N (N at least 1), with times=N|always");
        }
        if (to.isPresent() && !target.equals("dm-send")) {
            throw new GrammarException(1, "only a dm-send fault can name a recipient with to=");
        }
        return new Step.Fault(line, target, kind, status, code, delay, copies, times, to);
    }

    /** {@code fault crm error [case=N] [times=N|always]}, after {@code crm}. */
    static Step.CrmFault crmFault(int line, TokenCursor in) throws GrammarException {
        in.expect("error");
        OptionalLong caseId = OptionalLong.empty();
        int times = 1;
        while (!in.atEnd()) {
            Token token = in.take("case= or times=");
            int eq = token.text().indexOf('=');
            String key = eq < 0 ? token.text() : token.text().substring(0, eq);
            Token value = new Token(token.text().substring(eq + 1), false,
                    token.column() + eq + 1);
            if (eq > 0 && key.equalsIgnoreCase("case")) {
                caseId = OptionalLong.of(in.number(value, "a case id"));
            } else if (eq > 0 && key.equalsIgnoreCase("times")) {
                times = times(in, value);
            } else {
                throw new GrammarException(token.column(), "unknown crm fault setting '"
                        + token.text() + "'; expected case=N or times=N|always");
            }
        }
        return new Step.CrmFault(line, caseId, times);
    }

    /** {@code fault stream drop [times=N]} or {@code fault stream stall}, after {@code stream}. */
    static Step.StreamFault streamFault(int line, TokenCursor in) throws GrammarException {
        Token kind = in.take("drop or stall");
        if (kind.is("stall")) {
            return new Step.StreamFault(line, Step.StreamFaultKind.STALL, 1);
        }
        if (!kind.is("drop")) {
            throw new GrammarException(kind.column(), "expected drop or stall after 'fault"
                    + " stream' but found '" + kind.text() + "'");
        }
        int times = 1;
        if (!in.atEnd()) {
            Token token = in.take("times=N");
            if (!token.text().toLowerCase(Locale.ROOT).startsWith("times=")) {
                throw new GrammarException(token.column(), "a stream drop takes only times=N,"
                        + " not '" + token.text() + "'");
            }
            Token value = new Token(token.text().substring(6), false, token.column() + 6);
            times = (int) in.number(value, "a count");
            if (times < 1) {
                throw new GrammarException(value.column(), "times= must be at least 1");
            }
        }
        return new Step.StreamFault(line, Step.StreamFaultKind.DROP, times);
    }

    private static int times(TokenCursor in, Token value) throws GrammarException {
        return value.text().equalsIgnoreCase("always") ? Fault.ALWAYS
                : (int) in.number(value, "a count or always");
    }
}
