package casebird.twitter.command;

import casebird.twitter.outbox.DmText;
import java.util.Objects;

/**
 * One DM run as a command: what it asked, what came of it, and the reply to send.
 *
 * @param reply the reply text, never empty and short enough for one DM
 */
public record Handled(Command command, Outcome outcome, String reply) {

    /**
     * A DM whose command kept failing in the CRM and was given up: the reply tells the
     * sender, naming the case like every reply.
     */
    public static Handled parked(String text) {
        Command command = CommandParser.parse(text);
        String what = "Your " + command.verb().word() + " command" + (command.namedCase()
                .isPresent() ? " on case " + command.namedCase().getAsLong() : "");
        return new Handled(command, Outcome.PARKED,
                what + " could not be done now: the CRM failed.");
    }

    public Handled {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        reply = DmText.fit(Objects.requireNonNull(reply, "reply"));
    }
}
