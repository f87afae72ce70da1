package casebird.twitter.command;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.testing.FakeCrm;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The outcome each command reports for the audit log, beside its reply. */
class CommandOutcomeTest {

    private final FakeCrm crm = new FakeCrm(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
            .user("alice", null, "Support")
            .user("bob", null, "Support")
            .dispatchedCase(1, "Printer on fire", "Support")
            .acceptedCase(2, "Fax jammed", "Support", "bob")
            .dispatchedCase(3, "Invoice wrong", "Billing")
            .openCase(4, "Not routed yet");
    private final CommandService service = new CommandService(crm);
    private int events;

    @Test
    void eachCommandNamesItsOutcome() {
        assertEquals(Outcome.ACCEPTED, outcome("accept 1"));
        assertEquals(Outcome.ALREADY_YOURS, outcome("accept #1"));
        assertEquals(Outcome.LOGGED, outcome("log 1 called"));
        assertEquals(Outcome.STATUS, outcome("status 1"));
        assertEquals(Outcome.MINE, outcome("mine"));
        assertEquals(Outcome.CLOSED, outcome("close 1 done"));
        assertEquals(Outcome.USAGE, outcome("close one"));
        assertEquals(Outcome.HELP, outcome("hello"));
    }

    @Test
    void eachRefusalNamesItsReason() {
        assertEquals(Outcome.NOT_FOUND, outcome("accept 99"));
        assertEquals(Outcome.NOT_FOUND, outcome("status 99"));
        assertEquals(Outcome.OWNED_BY_ANOTHER, outcome("accept 2"));
        assertEquals(Outcome.NOT_OWNER, outcome("close 2"));
        assertEquals(Outcome.NOT_IN_QUEUE, outcome("accept 3"));
        assertEquals(Outcome.NOT_IN_QUEUE, outcome("status 3"));
        assertEquals(Outcome.NOT_DISPATCHED, outcome("accept 4"));
        assertEquals(Outcome.UNKNOWN_USER, service.handle("zed", "e", "accept 1").outcome());
        crm.closedCase(5, "Done", "Support", "alice");
        assertEquals(Outcome.ALREADY_CLOSED, outcome("log 5 more"));
    }

    @Test
    void theHandledCommandIsTheParsedOneWithItsCase() {
        Handled handled = service.handle("alice", "e", "LOG #1 secret words");

        assertEquals(new Log(1, "secret words"), handled.command());
        assertEquals(OptionalLong.of(1), handled.command().namedCase());
        assertEquals("not-in-queue", Outcome.NOT_IN_QUEUE.word());
    }

    private Outcome outcome(String text) {
        return service.handle("alice", "e" + (++events), text).outcome();
    }
}
