package casebird.twitter.inbox;

import casebird.twitter.client.DmEvent;
import casebird.twitter.command.Command;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one line per handled DM to the {@code casebird.audit} logger: event id, sender id,
 * CRM user (or none), verb, case (or -) and outcome. Never the DM's text: notes stay out of
 * logs.
 */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger("casebird.audit");

    /** A DM from a linked sender, run as a command. */
    void handled(DmEvent e, String login, Handled handled) {
        LOG.info(line(e, login, handled.command(), handled.outcome().word()));
    }

    /** A DM from a sender no CRM user maps to: nothing ran; the reply may have been capped. */
    void unlinked(DmEvent e, boolean replied) {
        LOG.info(line(e, "none", CommandParser.parse(e.text()),
                replied ? "not-linked-replied" : "not-linked-quiet"));
    }

    /**
     * A DM in a group conversation that is not one of the plugin's rooms (or from a
     * non-member of the room), from a linked sender: nothing ran; the hint may be capped.
     */
    void outsideRooms(DmEvent e, String login, boolean replied) {
        LOG.info(line(e, login, CommandParser.parse(e.text()),
                replied ? "outside-rooms-hinted" : "outside-rooms-quiet"));
    }

    /** A DM whose handling failed unexpectedly; the next poll tries it again. */
    void failed(DmEvent e, RuntimeException failure) {
        LOG.warn(line(e, "?", CommandParser.parse(e.text()), "failed-will-retry")
                + " error=" + failure.getClass().getSimpleName());
    }

    /** A DM whose command kept failing and was parked: it never runs again. */
    void parked(DmEvent e, Handled parked) {
        LOG.warn(line(e, "?", parked.command(), parked.outcome().word()));
    }

    private static String line(DmEvent e, String user, Command command, String outcome) {
        return "dm event=" + e.id() + " sender=" + e.senderId() + " user=" + user
                + " verb=" + command.verb().word()
                + " case=" + (command.namedCase().isPresent()
                        ? Long.toString(command.namedCase().getAsLong()) : "-")
                + " outcome=" + outcome
                + (e.room().isPresent() ? " room=" + e.room().getAsLong() : "");
    }
}
