package casebird.twitter.inbox;

import casebird.twitter.command.Handled;

/** Runs an agent's DM as a command through the CRM and says what came of it. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command as that CRM user, with idempotency key {@code twitter-dm:<eventId>}.
     *
     * @throws RuntimeException when the CRM failed unexpectedly: the event is retried later,
     *     and parked after its last attempt
     */
    Handled run(String crmLogin, String eventId, String text);
}
