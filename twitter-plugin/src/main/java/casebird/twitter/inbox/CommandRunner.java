package casebird.twitter.inbox;

/** Runs an agent's DM as a command through the CRM and returns the reply to send. */
@FunctionalInterface
public interface CommandRunner {

    /**
     * Runs the command as that CRM user, with idempotency key {@code twitter-dm:<eventId>}.
     *
     * @throws RuntimeException when the CRM failed unexpectedly: the event is retried later
     */
    String run(String crmLogin, String eventId, String text);
}
