package casebird.twitter.inbox;

import casebird.twitter.client.DmEvent;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.outbox.DmText;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where the answer to a DM goes. A command written in a room is answered in the room, after
 * its sender's login, when it is the team's business: what was done, or a clash with a
 * teammate. Personal views ({@code status}, {@code mine}, help, usage) and failures of the
 * sender's own (rights, an unknown case, a case not dispatched yet) go to the sender alone,
 * so a room never learns of cases outside its queue; so does everything written one-to-one.
 */
final class ReplyRoute {

    /** Outcomes a room is told of. */
    private static final Set<Outcome> TEAM_OUTCOMES = EnumSet.of(Outcome.ACCEPTED,
            Outcome.ALREADY_YOURS, Outcome.LOGGED, Outcome.CLOSED, Outcome.OWNED_BY_ANOTHER,
            Outcome.ALREADY_CLOSED);

    private ReplyRoute() {}

    /** The reply to a command that {@code login} sent in {@code e}. */
    static OutboxEntry toCommand(DmEvent e, String login, Handled handled, Instant now) {
        if (e.room().isEmpty() || !TEAM_OUTCOMES.contains(handled.outcome())) {
            return toSender(e, handled.reply(), now);
        }
        return OutboxEntry.queued(Recipient.conversation(e.room().getAsLong()),
                DmText.fit(login + ": " + handled.reply()), true, now);
    }

    /** A reply to the sender of {@code e} alone. */
    static OutboxEntry toSender(DmEvent e, String text, Instant now) {
        return OutboxEntry.queued(Recipient.twitterId(e.senderId()), text, true, now);
    }
}
