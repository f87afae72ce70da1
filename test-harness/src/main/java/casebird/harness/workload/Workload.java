package casebird.harness.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded stream of CRM dispatches (each notifying its queue's members) and agents' DM
 * commands (accept, notes, close) over many cases: the same seed always gives the same
 * stream, so a restarted driver finds where it stopped.
 */
public record Workload(List<Agent> agents, List<Long> cases, List<Step> steps) {

    /** How many cases the {@code workload} command works through. */
    public static final int CASES = 200;

    /** The queues agents belong to; each case goes to one of them. */
    public static final List<String> QUEUES = List.of("Support", "Billing");

    private static final int AGENTS = 6;

    /** An agent: CRM login, Twitter screen name, queue. */
    public record Agent(String login, String screenName, String queue) {}

    /** One thing the driver does, in order. */
    public sealed interface Step {}

    /** The CRM dispatches a case to a queue, which notifies the queue's members. */
    public record Dispatch(long caseId, String queue) implements Step {}

    /** An agent DMs the bot a command about a case; {@code note} is empty for none. */
    public record Command(Agent agent, Kind kind, long caseId, String note) implements Step {

        /** The DM's text, unique in the workload. */
        public String text() {
            String verb = kind.name().toLowerCase(java.util.Locale.ROOT);
            return note.isEmpty() ? verb + " " + caseId : verb + " " + caseId + " " + note;
        }
    }

    /** The commands the workload sends. */
    public enum Kind { ACCEPT, LOG, CLOSE }

    /** The stream for a seed over {@code caseCount} cases (ids from 1001). */
    public static Workload generate(long seed, int caseCount) {
        Random random = new Random(seed);
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(new Agent("agent" + i, "agent" + i + "_t", QUEUES.get(i % QUEUES.size())));
        }
        List<Long> cases = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < caseCount; i++) {
            long caseId = 1001 + i;
            cases.add(caseId);
            String queue = QUEUES.get(random.nextInt(QUEUES.size()));
            List<Agent> members = agents.stream().filter(a -> a.queue().equals(queue)).toList();
            Agent owner = members.get(random.nextInt(members.size()));
            steps.add(new Dispatch(caseId, queue));
            steps.add(new Command(owner, Kind.ACCEPT, caseId, ""));
            int notes = 1 + random.nextInt(2);
            for (int n = 1; n <= notes; n++) {
                steps.add(new Command(owner, Kind.LOG, caseId, "note " + n + " on " + caseId));
            }
            steps.add(new Command(owner, Kind.CLOSE, caseId,
                    random.nextBoolean() ? "fixed " + caseId : ""));
        }
        return new Workload(List.copyOf(agents), List.copyOf(cases), List.copyOf(steps));
    }

    /** The agents who get a case's dispatch notice. */
    public List<Agent> membersOf(String queue) {
        return agents.stream().filter(a -> a.queue().equals(queue)).toList();
    }

    /** The template of the workload's one rule, and so the first line of each notice. */
    static String notice(long caseId) {
        return "New case " + caseId + ": " + title(caseId);
    }

    static String title(long caseId) {
        return "Case number " + caseId;
    }
}
