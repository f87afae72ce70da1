package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @ParameterizedTest
    @ValueSource(strings = {"accept 1234", "ACCEPT 1234", "Accept 1234", "aCcEpT 1234"})
    void verbsAreCaseInsensitive(String text) {
        assertEquals(new Accept(1234), CommandParser.parse(text));
    }

    @Test
    void hashPrefixedNumberNamesTheSameCase() {
        assertEquals(new Status(1234), CommandParser.parse("status #1234"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "  accept 1234  ", "\taccept\t1234\t", "\naccept\n1234\n", "\r\n accept \r\n\t #1234 \n"
    })
    void spacesTabsAndLineBreaksAroundAndBetweenWordsAreTolerated(String text) {
        assertEquals(new Accept(1234), CommandParser.parse(text));
    }

    @Test
    void noBreakSpaceFromAPhoneKeyboardSeparatesWords() {
        assertEquals(new Accept(1234), CommandParser.parse("accept\u00a01234"));
    }

    @Test
    void leadingZerosAreIgnored() {
        assertEquals(new Accept(12), CommandParser.parse("accept 0012"));
    }

    @Test
    void largestLongIsAValidCaseId() {
        assertEquals(new Accept(Long.MAX_VALUE), CommandParser.parse("accept " + Long.MAX_VALUE));
    }

    @Test
    void logNotesKeepLineBreaksAndUnicodeExactly() {
        String notes =
                "called the customer \u260e\ufe0f\n\tshe said: \u00abit's \ud83d\udd25\u00bb  \n";

        Command command = CommandParser.parse("log 1234 " + notes);

        assertEquals(new Log(1234, notes), command);
    }

    @Test
    void notesStartAfterTheWholeWhitespaceRunFollowingTheCaseId() {
        assertEquals(new Log(1234, "first line\n  second line"),
                CommandParser.parse("log #1234 \n\n\t first line\n  second line"));
    }

    @Test
    void notesMayStartWithSomethingThatLooksLikeACommand() {
        assertEquals(new Log(7, "close 8 later"), CommandParser.parse("LOG 7 close 8 later"));
    }

    @Test
    void closeWithoutNotesHasNoNote() {
        assertEquals(new Close(1234, Optional.empty()), CommandParser.parse("close 1234 \n "));
    }

    @Test
    void closeWithNotesKeepsThemExactly() {
        assertEquals(new Close(1234, Optional.of("replaced the toner\n\u2705")),
                CommandParser.parse("Close #1234  replaced the toner\n\u2705"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"mine", "MINE", " \n mine \t"})
    void mineListsOwnCases(String text) {
        assertEquals(new Mine(), CommandParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "HELP", "help me please", " Help\n"})
    void helpGivesHelpWhateverFollows(String text) {
        assertEquals(new Help(), CommandParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   \n\t", "what?", "accept1234", "hello accept 1234", "\u00bfqu\u00e9?"
    })
    void anythingNotUnderstoodGivesHelp(String text) {
        assertEquals(new Help(), CommandParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "accept", "accept   \n", "accept abc", "accept #", "accept ##1234", "accept 12a",
        "accept +1234", "accept -1234", "accept 0", "accept #0", "accept 1234.",
        "accept 99999999999999999999", "accept 9223372036854775808",
        "accept \uff11\uff12\uff13\uff14", "accept \u0661\u0662\u0663"
    })
    void acceptWithMissingOrMalformedCaseGetsAcceptUsage(String text) {
        assertEquals(new Usage(Verb.ACCEPT), CommandParser.parse(text));
    }

    @Test
    void acceptOfTwoCasesAtOnceGetsAcceptUsageRatherThanAcceptingOne() {
        assertEquals(new Usage(Verb.ACCEPT), CommandParser.parse("accept 1234 1235"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"log", "log 1234", "log 1234 \n\t ", "log abc called them"})
    void logWithoutCaseOrNotesGetsLogUsage(String text) {
        assertEquals(new Usage(Verb.LOG), CommandParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"close", "close abc", "close -5 done", "close #x fixed"})
    void closeWithMissingOrMalformedCaseGetsCloseUsage(String text) {
        assertEquals(new Usage(Verb.CLOSE), CommandParser.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "status abc", "status 1234 please"})
    void statusWithMissingMalformedOrExtraArgumentGetsStatusUsage(String text) {
        assertEquals(new Usage(Verb.STATUS), CommandParser.parse(text));
    }

    @Test
    void mineWithAnArgumentGetsMineUsage() {
        assertEquals(new Usage(Verb.MINE), CommandParser.parse("mine 1234"));
    }
}
