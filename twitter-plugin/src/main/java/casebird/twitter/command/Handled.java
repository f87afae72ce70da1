package casebird.twitter.command;

import java.util.Objects;

/**
 * One DM run as a command: what it asked, what came of it, and the reply to send.
 *
 * @param reply the reply text, never empty and short enough for one DM
 */
public record Handled(Command command, Outcome outcome, String reply) {

    public Handled {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(outcome, "outcome");
        reply = DmText.fit(Objects.requireNonNull(reply, "reply"));
    }
}
