package casebird.harness.bench;

import java.util.List;

/**
 * How much work each benchmark does.
 *
 * @param warmup unmeasured repetitions before each measured run (JIT, pinned identities)
 * @param notifyEvents rule firings timed one by one for the latency percentiles
 * @param fanOuts queue sizes one event is fanned out to
 * @param commandRuns numbers of DM commands, each run in a fresh world
 * @param window commands in flight at once (sent by agents, not yet answered)
 * @param directSends DMs sent by the bare loop and by curl
 */
record BenchSizes(int warmup, int notifyEvents, List<Integer> fanOuts, List<Integer> commandRuns,
        int window, int directSends) {

    /** The sizes the issue asks for. */
    static final BenchSizes FULL =
            new BenchSizes(100, 500, List.of(1, 100, 1000), List.of(1000, 10_000, 50_000), 200,
                    1000);

    /** Tiny sizes that run every benchmark in seconds, so they cannot rot. */
    static final BenchSizes QUICK =
            new BenchSizes(2, 5, List.of(1, 3), List.of(10, 20), 5, 10);

    /** Whether a run of that many commands measures the heap and the state file. */
    boolean measuresFootprint(int commands) {
        return commands >= FOOTPRINT_RUN || commands == commandRuns.get(commandRuns.size() - 1);
    }

    BenchSizes {
        fanOuts = List.copyOf(fanOuts);
        commandRuns = List.copyOf(commandRuns);
    }

    /** Runs of at least this many commands also measure the heap and the state file. */
    static final int FOOTPRINT_RUN = 10_000;

    int largestFanOut() {
        return fanOuts.get(fanOuts.size() - 1);
    }
}
