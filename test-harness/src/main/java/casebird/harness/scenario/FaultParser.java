package casebird.harness.scenario;

import casebird.harness.scenario.Step.FaultKind;
import casebird.harness.scenario.TokenCursor.GrammarException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalInt;

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
                    times = (int) in.number(valueToken, "a count");
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
                            + "'; expected status=, code=, delay=, times=, reset, drop"
                            + " or body=garbage");
            }
        }
        if (kind == null) {
            throw new GrammarException(1,
                    "a fault needs status=N, delay=D, reset, drop or body=garbage");
        }
        boolean webhook = target.equals("webhook");
        if ((kind == FaultKind.DROP || kind == FaultKind.REPEAT) && !webhook) {
            throw new GrammarException(1, "only a webhook fault can drop or repeat");
        }
        if (webhook && (kind == FaultKind.RESET || kind == FaultKind.GARBAGE || code.isPresent()
                || times < 1 || copies < 1)) {
            throw new GrammarException(1, "a webhook fault is status=N, delay=D, drop or"
                    + " repeat=N (N at least 1), with times=N");
        }
        return new Step.Fault(line, target, kind, status, code, delay, copies, times);
    }
}
