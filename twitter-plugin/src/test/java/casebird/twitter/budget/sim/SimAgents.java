package casebird.twitter.budget.sim;

import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.outbox.Outbox;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import casebird.twitter.testing.FakeCrm;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The queue's agents and the CRM's rules as the simulator plays them: every dispatch
 * notifies all agents, agents DM the bot, and every accept the plugin runs notifies the
 * other agents; one-to-one, or with {@link Addressing#ROOMS} in the queue's room (one
 * notice for all, the accepting agent included, as a room has no "all but one"). Notices
 * carry a tag ({@code [n7]}) by which the run finds them again.
 */
final class SimAgents {

    private static final String QUEUE = "Support";

    private final Clock clock;
    private final SimRun run;
    private final Outbox outbox;
    private final Addressing addressing;
    private long noticeSeq;

    SimAgents(Clock clock, SimRun run, Outbox outbox, Addressing addressing) {
        this.clock = clock;
        this.run = run;
        this.outbox = outbox;
        this.addressing = addressing;
    }

    /** A CRM knowing every agent, with their Twitter ids in the field {@code twitter}. */
    static FakeCrm crm() {
        FakeCrm crm = new FakeCrm();
        for (int a = 1; a <= Trace.AGENTS; a++) {
            crm.user("agent" + a, Long.toString(agentId(a)), QUEUE);
        }
        return crm;
    }

    /** Does what the trace says happens now. */
    void act(Trace.Action action, SimTwitter twitter) {
        if (action instanceof Trace.Dispatch d) {
            notify("dispatch-" + d.caseId(), recipients(""), "New case " + d.caseId());
        } else if (action instanceof Trace.Dm dm) {
            run.commands++;
            long id = twitter.dmToBot(agentId(dm.agent()), dm.text());
            run.dmSentAt.put(id, clock.instant());
        }
    }

    /** Runs a command as the CRM would, recording when. */
    Handled execute(String login, String eventId, String text) {
        run.executed(Long.parseLong(eventId), clock.instant());
        String[] words = text.split(" ");
        if (words[0].equals("accept")) {
            notify("accepted-" + words[1], recipients(login),
                    "Case " + words[1] + " accepted by " + login);
        }
        return new Handled(CommandParser.parse(text), Outcome.HELP, "Done: " + text);
    }

    private List<Recipient> recipients(String exceptLogin) {
        if (addressing == Addressing.ROOMS) {
            return List.of(Recipient.queueRoom(QUEUE));
        }
        List<Recipient> to = new ArrayList<>();
        for (int a = 1; a <= Trace.AGENTS; a++) {
            if (!exceptLogin.equals("agent" + a)) {
                to.add(Recipient.twitterId(agentId(a)));
            }
        }
        return to;
    }

    private void notify(String ruleEventId, List<Recipient> to, String text) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Recipient r : to) {
            String tagged = "[n" + (++noticeSeq) + "] " + text;
            run.noticeQueuedAt.put(SimRun.tag(tagged), clock.instant());
            entries.add(OutboxEntry.queued(r, tagged, false, clock.instant()));
        }
        outbox.appendNotices(ruleEventId, entries);
    }

    private static long agentId(int agent) {
        return 100 + agent;
    }
}
