package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Properties of the parser over thousands of seeded hostile texts. */
class CommandParserPropertyTest {

    private static final long SEED = 20_240_501L;
    private static final int CASES = 10_000;

    @Test
    void everyTextParsesToACommandAndReRenderingItGivesTheSameCommand() {
        HostileText texts = new HostileText(SEED);
        Set<Verb> seen = EnumSet.noneOf(Verb.class);
        int usages = 0;
        for (int i = 0; i < CASES; i++) {
            String text = texts.next();
            Command command = parse(i, text);
            assertEquals(command, CommandParser.parse(command.render()),
                    () -> "re-rendered as " + escape(command.render()));
            seen.add(command.verb());
            usages += command instanceof Usage ? 1 : 0;
        }
        assertEquals(EnumSet.allOf(Verb.class), seen, "the generator reaches every verb");
        assertTrue(usages > CASES / 20, "the generator reaches usage answers: " + usages);
    }

    @Test
    void notesAreTheExactEndOfTheTextAsWritten() {
        HostileText texts = new HostileText(SEED + 1);
        int withNotes = 0;
        for (int i = 0; i < CASES; i++) {
            String text = texts.next();
            String notes = notesOf(parse(i, text));
            if (notes != null) {
                withNotes++;
                assertTrue(text.endsWith(notes), () -> "notes cut from " + escape(text));
            }
        }
        assertTrue(withNotes > CASES / 20, "the generator reaches notes: " + withNotes);
    }

    @Test
    void aNoteOfTenThousandCharactersIsKeptWhole() {
        String notes = "\u200f\u05e9\ud83d\udd25\n".repeat(2_000);

        assertEquals(new Log(42, notes), CommandParser.parse("log #42 " + notes));
    }

    private static Command parse(int i, String text) {
        try {
            Command command = CommandParser.parse(text);
            assertNotNull(command, "case " + i);
            return command;
        } catch (RuntimeException e) {
            return fail("case " + i + " threw on " + escape(text), e);
        }
    }

    private static String notesOf(Command command) {
        if (command instanceof Log log) {
            return log.notes();
        }
        if (command instanceof Close close) {
            return close.notes().orElse(null);
        }
        return null;
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.chars().limit(200).forEach(c -> out.append(c >= 0x20 && c < 0x7f
                ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        return out.append(text.length() > 200 ? "...\"" : "\"").toString();
    }
}
