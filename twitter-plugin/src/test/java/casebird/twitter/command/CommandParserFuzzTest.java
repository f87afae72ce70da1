package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Jazzer fuzzing of the parser: in the normal suite it replays its stored inputs; with
 * {@code JAZZER_FUZZ=1} it searches for a text that breaks a property.
 */
class CommandParserFuzzTest {

    @FuzzTest(maxDuration = "1m")
    void parsingNeverThrowsAndReRenderingGivesTheSameCommand(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();

        Command command = CommandParser.parse(text);

        assertEquals(command, CommandParser.parse(command.render()));
        if (command instanceof Log log) {
            assertEquals(true, text.endsWith(log.notes()));
        }
    }
}
