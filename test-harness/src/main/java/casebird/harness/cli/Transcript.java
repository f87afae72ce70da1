package casebird.harness.cli;

import casebird.api.rule.RuleEvent;
import casebird.harness.scenario.World;
import casebird.harness.twitter.DirectMessage;
import java.io.PrintStream;

/** Prints what happens in a world as a chat: DMs between accounts, and CRM events. */
final class Transcript {

    private final PrintStream out;
    private final World world;
    private final long startNanos = System.nanoTime();

    private Transcript(PrintStream out, World world) {
        this.out = out;
        this.world = world;
    }

    /** Starts printing the world's DMs and CRM events to {@code out}. */
    static void attach(PrintStream out, World world) {
        Transcript transcript = new Transcript(out, world);
        world.twitter().addMessageListener(transcript::message);
        world.crm().addEventListener(transcript::event);
    }

    private void message(DirectMessage dm) {
        String from = name(dm.senderId());
        String to = name(dm.recipientId());
        String who = String.format("%-28s", from + " -> " + to);
        String pad = " ".repeat(who.length() + 11);
        print(who + "  " + dm.text().replace("\n", "\n" + pad));
    }

    private void event(RuleEvent event) {
        long id = event.kase().id();
        switch (event.type()) {
            case CASE_DISPATCHED:
                print(crm("case " + id + " \"" + event.kase().title() + "\" dispatched to "
                        + event.kase().queue().orElse("?")));
                break;
            case CASE_ACCEPTED:
                print(crm("case " + id + " accepted by " + event.actor()));
                break;
            case NOTE_LOGGED:
                print(crm("case " + id + ": " + event.actor() + " logged a note"));
                break;
            default:
                print(crm("case " + id + " closed by " + event.actor()));
        }
    }

    private static String crm(String text) {
        return String.format("%-28s  %s", "[CRM]", text);
    }

    private String name(long accountId) {
        return world.twitter().accountById(accountId).map(a -> "@" + a.screenName())
                .orElse("#" + accountId);
    }

    private synchronized void print(String line) {
        long millis = (System.nanoTime() - startNanos) / 1_000_000;
        out.printf("%02d:%02d.%d  %s%n", millis / 60_000, millis / 1000 % 60, millis / 100 % 10,
                line);
    }
}
