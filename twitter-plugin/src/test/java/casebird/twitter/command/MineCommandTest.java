package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.outbox.DmText;
import casebird.twitter.testing.FakeCrm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MineCommandTest {

    private final FakeCrm crm = new FakeCrm(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .user("alice", null, "Support")
            .user("bob", null, "Support");
    private final CommandService service = new CommandService(crm);

    @Test
    void mineListsYourOpenCasesNewestFirst() {
        crm.acceptedCase(1, "Printer on fire", "Support", "alice")
                .acceptedCase(2, "Bob's case", "Support", "bob")
                .closedCase(3, "Done already", "Support", "alice")
                .dispatchedCase(4, "Nobody's yet", "Support")
                .acceptedCase(5, "Modem blinking", "Support", "alice");

        String reply = service.handle("alice", "e1", "mine").reply();

        assertEquals("You have 2 open cases, newest first:\n#5 Modem blinking\n#1 Printer on fire",
                reply);
    }

    @Test
    void mineWithOneCaseSaysOneCase() {
        crm.acceptedCase(1, "Printer on fire", "Support", "alice");

        assertEquals("You have 1 open case:\n#1 Printer on fire",
                service.handle("alice", "e1", "mine").reply());
    }

    @Test
    void mineWithNoOpenCasesSaysSo() {
        assertEquals("You have no open cases.", service.handle("alice", "e1", "mine").reply());
    }

    @Test
    void mineWithTooManyCasesFillsOneDmAndSaysHowManyMore() {
        for (long id = 1; id <= 500; id++) {
            crm.acceptedCase(id, "a case with a long title ".repeat(8), "Support", "alice");
        }

        String reply = service.handle("alice", "e1", "mine").reply();

        List<String> lines = reply.lines().toList();
        int shown = lines.size() - 2;
        assertTrue(reply.length() <= DmText.MAX_LENGTH, "length " + reply.length());
        assertTrue(reply.length() > DmText.MAX_LENGTH - 250, "room left " + reply.length());
        assertEquals("#500 " + "a case with a long title ".repeat(8), lines.get(1));
        assertEquals("\u2026and " + (500 - shown) + " more.", lines.get(lines.size() - 1));
    }

    @Test
    void mineNeverExceedsOneDmAndAlwaysAccountsForEveryCase() {
        for (int titleLength = 150; titleLength <= MineReply.MAX_TITLE_LENGTH; titleLength++) {
            FakeCrm manyCases = new FakeCrm(Clock.systemUTC()).user("alice", null, "Support");
            for (long id = 1; id <= 60; id++) {
                manyCases.acceptedCase(id, "m".repeat(titleLength), "Support", "alice");
            }

            String reply = new CommandService(manyCases).handle("alice", "e1", "mine").reply();

            String story = "titles of " + titleLength + ": " + reply.length() + " chars";
            assertTrue(reply.length() <= DmText.MAX_LENGTH, story);
            assertEquals(60, shownPlusMore(reply), story);
        }
    }

    @Test
    void mineShortensAHugeTitleSoOtherCasesStillShow() {
        crm.acceptedCase(1, "short", "Support", "alice")
                .acceptedCase(2, "h".repeat(50_000), "Support", "alice");

        List<String> lines = service.handle("alice", "e1", "mine").reply().lines().toList();

        assertEquals(3, lines.size());
        assertEquals("#2 " + "h".repeat(MineReply.MAX_TITLE_LENGTH - 1) + "\u2026", lines.get(1));
        assertEquals("#1 short", lines.get(2));
    }

    private static long shownPlusMore(String reply) {
        long shown = reply.lines().filter(line -> line.startsWith("#")).count();
        Matcher more = Pattern.compile("\u2026and (\\d+) more\\.$").matcher(reply);
        return shown + (more.find() ? Long.parseLong(more.group(1)) : 0);
    }
}
