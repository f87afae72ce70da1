package casebird.twitter.budget.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A simulated day: cases dispatched to one queue of agents, and the agents' DMs. Each
 * dispatch is answered by an accept after a skewed delay (half within 2 minutes, nine in
 * ten within 6), then a note and a close by the same agent later in the day.
 */
record Trace(String name, List<Action> actions, Faults faults) {

    static final Instant DAY = Instant.parse("2025-03-03T00:00:00Z");
    static final int AGENTS = 10;

    /** Something that happens at a time: a dispatch or an agent's DM. */
    sealed interface Action permits Dispatch, Dm {
        Instant at();
    }

    /** A case dispatched to the queue: every agent gets a notice. */
    record Dispatch(Instant at, long caseId) implements Action {}

    /** An agent (1 to {@link #AGENTS}) sends the bot a DM. */
    record Dm(Instant at, int agent, String text) implements Action {}

    Trace {
        actions = actions.stream().sorted(Comparator.comparing(Action::at)).toList();
    }

    /** {@code cases} dispatched at random times within {@code span} from {@code start}. */
    static Trace cases(String name, int cases, Instant start, Duration span, Faults faults,
            Random random) {
        List<Action> actions = new ArrayList<>();
        for (long id = 1; id <= cases; id++) {
            Instant dispatched = start.plusMillis((long) (random.nextDouble() * span.toMillis()));
            int agent = 1 + random.nextInt(AGENTS);
            Instant accept = dispatched.plus(acceptDelay(random));
            Instant log = accept.plusSeconds(120 + random.nextInt(1680));
            Instant close = log.plusSeconds(300 + random.nextInt(3300));
            actions.add(new Dispatch(dispatched, id));
            actions.add(new Dm(accept, agent, "accept " + id));
            actions.add(new Dm(log, agent, "log " + id + " called the customer"));
            actions.add(new Dm(close, agent, "close " + id + " fixed"));
        }
        return new Trace(name, actions, faults);
    }

    /** Half within 2 minutes, nine in ten within 6, the rest within 15. */
    private static Duration acceptDelay(Random random) {
        double u = random.nextDouble();
        long seconds = u < 0.5 ? 5 + random.nextInt(115)
                : u < 0.9 ? 120 + random.nextInt(240) : 360 + random.nextInt(540);
        return Duration.ofSeconds(seconds);
    }

    /** The four traces of the benchmark. */
    static List<Trace> standard(long seed) {
        Instant nine = DAY.plus(Duration.ofHours(9));
        Duration workday = Duration.ofHours(8);
        return List.of(
                cases("a steady", 40, nine, workday, Faults.none(), new Random(seed)),
                cases("b burst", 200, DAY.plus(Duration.ofHours(10)), Duration.ofMinutes(5),
                        Faults.none(), new Random(seed)),
                cases("c faults", 40, nine, workday, new Faults(DAY.plus(Duration.ofHours(10)),
                        DAY.plus(Duration.ofHours(11)), 0.2, new Random(seed)),
                        new Random(seed)),
                cases("d heavy", 300, nine, workday, Faults.none(), new Random(seed)));
    }
}
