package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Parses scenario text in the parser tests: one statement, or the syntax error it has. */
final class ParsedLines {

    private ParsedLines() {
    }

    /** The one statement a line parses to. */
    static Step only(String line) throws ScenarioSyntaxException {
        List<Step> steps = ScenarioParser.parse("t.scenario", line).steps();
        assertEquals(1, steps.size());
        return steps.get(0);
    }

    /** The syntax error of a text that must not parse. */
    static ScenarioSyntaxException error(String text) {
        return assertThrows(ScenarioSyntaxException.class,
                () -> ScenarioParser.parse("t.scenario", text));
    }
}
