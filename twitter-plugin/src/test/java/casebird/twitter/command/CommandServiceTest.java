package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseStatus;
import casebird.twitter.outbox.DmText;
import casebird.twitter.testing.FakeCrm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommandServiceTest {

    private static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");

    private final FakeCrm crm = new FakeCrm(Clock.fixed(NOW, ZoneOffset.UTC))
            .user("alice", null, "Support")
            .user("bob", null, "Support")
            .user("carol", null, "Billing");
    private final CommandService service = new CommandService(crm);

    @Test
    void acceptOfDispatchedCaseInOwnQueueMakesItYours() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        String reply = reply("alice", "e1", "accept 1234");

        assertEquals("Accepted case 1234 (Printer on fire). It's yours.", reply);
        assertEquals(CaseStatus.ACCEPTED, crm.caseNumber(1234).status());
        assertEquals(Optional.of("alice"), crm.caseNumber(1234).owner());
    }

    @Test
    void acceptOfCaseAlreadyYoursSaysSoAndChangesNothing() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        String reply = reply("alice", "e1", "accept #1234");

        assertEquals("Case 1234 is already yours.", reply);
        assertEquals(List.of(), crm.changes());
    }

    @Test
    void acceptOfCaseOwnedByAnotherAgentNamesTheOwner() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "bob");

        assertEquals("Case 1234 was already accepted by bob.",
                reply("alice", "e1", "accept 1234"));
    }

    @Test
    void acceptOutsideYourQueuesNamesTheCaseQueue() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        assertEquals("You can't accept case 1234: you are not a member of its queue Support.",
                reply("carol", "e1", "accept 1234"));
    }

    @Test
    void acceptOfClosedCaseSaysItIsClosed() {
        crm.closedCase(1234, "Printer on fire", "Support", "bob");

        assertEquals("Case 1234 is already closed.", reply("alice", "e1", "accept 1234"));
    }

    @Test
    void acceptOfUndispatchedCaseSaysItIsNotInAQueueYet() {
        crm.openCase(1234, "Printer on fire");

        assertEquals("You can't accept case 1234 yet: it is open, not dispatched to a queue.",
                reply("alice", "e1", "accept 1234"));
    }

    @Test
    void commandOnUnknownCaseSaysItWasNotFound() {
        assertEquals("Case 1234 was not found.", reply("alice", "e1", "accept 1234"));
    }

    @Test
    void commandByLoginTheCrmDoesNotKnowNamesThatLogin() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        assertEquals("You can't accept case 1234: the CRM has no user dan.",
                reply("dan", "e1", "accept 1234"));
    }

    @Test
    void logAddsTheNoteExactlyAsWrittenAndSaysSo() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");
        String notes = "called the customer\n\u260e\ufe0f back at 3 \u00e0 l'heure ";

        String reply = reply("alice", "e1", "log 1234 " + notes);

        assertEquals("Logged your note on case 1234.", reply);
        assertEquals(List.of(new CaseNote("alice", notes, NOW)), crm.caseNumber(1234).notes());
    }

    @Test
    void logOutsideYourQueuesNamesTheCaseQueue() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        assertEquals("You can't log a note on case 1234: you are not a member of its queue "
                + "Support.", reply("carol", "e1", "log 1234 hello"));
    }

    @Test
    void logOnCaseWithoutQueueByNonOwnerSaysItIsNotInYourQueues() {
        crm.openCase(1234, "Printer on fire");

        assertEquals("You can't log a note on case 1234: it is not in any queue of yours.",
                reply("alice", "e1", "log 1234 hello"));
    }

    @Test
    void logOnClosedCaseSaysItIsClosed() {
        crm.closedCase(1234, "Printer on fire", "Support", "alice");

        assertEquals("Case 1234 is already closed.",
                reply("alice", "e1", "log 1234 one more thing"));
    }

    @Test
    void closeByOwnerClosesTheCase() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        String reply = reply("alice", "e1", "close 1234");

        assertEquals("Closed case 1234.", reply);
        assertEquals(CaseStatus.CLOSED, crm.caseNumber(1234).status());
        assertEquals(List.of(), crm.caseNumber(1234).notes());
    }

    @Test
    void closeWithNotesLogsTheNoteAndSaysSo() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        String reply = reply("alice", "e1", "close 1234 replaced the toner\nall good");

        assertEquals("Closed case 1234 with your note.", reply);
        assertEquals("replaced the toner\nall good", crm.caseNumber(1234).notes().get(0).text());
    }

    @Test
    void closeOfCaseOwnedBySomeoneElseNamesTheOwner() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "bob");

        assertEquals("You can't close case 1234: it is owned by bob.",
                reply("alice", "e1", "close 1234"));
    }

    @Test
    void closeOfCaseNobodyAcceptedSaysOnlyItsOwnerCan() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        assertEquals("You can't close case 1234: only its owner can, and nobody has accepted it "
                + "yet.", reply("alice", "e1", "close 1234"));
    }

    @Test
    void closeOfClosedCaseSaysItIsAlreadyClosed() {
        crm.closedCase(1234, "Printer on fire", "Support", "alice");

        assertEquals("Case 1234 is already closed.", reply("alice", "e1", "close 1234"));
    }

    @Test
    void statusShowsTitleStatusQueueOwnerAndLastNote() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");
        reply("alice", "e1", "accept 1234");
        reply("alice", "e2", "log 1234 first");
        reply("bob", "e3", "log 1234 called the customer");

        String reply = reply("bob", "e4", "status #1234");

        assertEquals("Case 1234: Printer on fire\nStatus: accepted\nQueue: Support\n"
                + "Owner: alice\nLast note, by bob: called the customer", reply);
    }

    @Test
    void statusOfUnacceptedCaseSaysThereIsNoOwnerOrNote() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        assertEquals("Case 1234: Printer on fire\nStatus: dispatched\nQueue: Support\n"
                + "Owner: nobody yet\nNo notes yet.", reply("alice", "e1", "status 1234"));
    }

    @Test
    void statusOfCaseOutsideYourQueuesIsRefusedNamingItsQueue() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        assertEquals("You can't see case 1234: you are not a member of its queue Support.",
                reply("carol", "e1", "status 1234"));
    }

    @Test
    void statusOfCaseInNoQueueIsRefused() {
        crm.openCase(1234, "Printer on fire");

        assertEquals("You can't see case 1234: it is not in any queue of yours.",
                reply("alice", "e1", "status 1234"));
    }

    @Test
    void statusOfYourOwnCaseShowsItThoughItsQueueIsNotYours() {
        crm.acceptedCase(1234, "Printer on fire", "Billing", "alice");

        assertTrue(reply("alice", "e1", "status 1234").startsWith("Case 1234: Printer on fire\n"
                + "Status: accepted\nQueue: Billing\nOwner: alice\n"));
    }

    @Test
    void statusOfUnknownCaseSaysItWasNotFound() {
        assertEquals("Case 99 was not found.", reply("alice", "e1", "status 99"));
    }

    @Test
    void statusWithAHugeLastNoteIsCutToOneDm() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");
        reply("alice", "e1", "log 1234 " + "x".repeat(20_000));

        String reply = reply("alice", "e2", "status 1234");

        assertEquals(DmText.MAX_LENGTH, reply.length());
        assertTrue(reply.startsWith("Case 1234: Printer on fire\n"), reply);
        assertTrue(reply.endsWith("x\u2026"), reply.substring(reply.length() - 10));
    }

    @Test
    void helpListsEveryCommandWithAnExampleOnItsOwnLine() {
        String reply = reply("alice", "e1", "help");

        List<String> lines = reply.lines().toList();
        assertEquals(Verb.values().length + 1, lines.size(), reply);
        for (Verb verb : Verb.values()) {
            assertTrue(lines.contains(verb.usageLine()), verb + " missing from " + reply);
        }
    }

    @Test
    void textThatIsNotACommandGetsTheHelpText() {
        assertEquals(reply("alice", "e1", "help"), reply("bob", "e2", "what?"));
    }

    @Test
    void commandWithMalformedArgumentGetsOnlyItsOwnUsageLineAndTouchesNothing() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        String reply = reply("alice", "e1", "log 1234");

        assertEquals("Usage: log <case> <notes> - add a note to a case, e.g. log 1234 called the "
                + "customer", reply);
        assertEquals(List.of(), crm.keysSeen());
    }

    @Test
    void everyChangeCarriesTheDmEventIdAsIdempotencyKey() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");

        reply("alice", "1001", "accept 1234");
        reply("alice", "1002", "log 1234 called");
        reply("alice", "1003", "close 1234 done");

        assertEquals(List.of("twitter-dm:1001", "twitter-dm:1002", "twitter-dm:1003"),
                crm.keysSeen());
    }

    @Test
    void handlingTheSameDmEventTwiceLogsTheNoteOnce() {
        crm.acceptedCase(1234, "Printer on fire", "Support", "alice");

        String first = reply("alice", "1001", "log 1234 called");
        String again = reply("alice", "1001", "log 1234 called");

        assertEquals(first, again);
        assertEquals(1, crm.changes().size());
        assertEquals(1, crm.caseNumber(1234).notes().size());
    }

    @Test
    void unexpectedCrmFailurePropagatesSoTheEventCanBeRetried() {
        crm.dispatchedCase(1234, "Printer on fire", "Support");
        IllegalStateException outage = new IllegalStateException("CRM database unreachable");
        crm.goDown(outage);

        assertSame(outage, assertThrows(IllegalStateException.class,
                () -> reply("alice", "e1", "accept 1234")));
    }

    @Test
    void blankEventIdIsRejectedBecauseItCouldNotKeyTheChange() {
        assertThrows(IllegalArgumentException.class, () -> reply("alice", " ", "mine"));
    }

    @Test
    void acceptReplyWithAHugeTitleStillFitsOneDm() {
        crm.dispatchedCase(1234, "t".repeat(12_000), "Support");

        assertEquals(DmText.MAX_LENGTH, reply("alice", "e1", "accept 1234").length());
    }

    private String reply(String login, String eventId, String text) {
        return service.handle(login, eventId, text).reply();
    }
}
