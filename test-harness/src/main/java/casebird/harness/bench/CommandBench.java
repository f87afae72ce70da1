package casebird.harness.bench;

import casebird.api.crm.CrmException;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Agents' DM commands end to end: the fake API holds each agent's DM, the plugin polls
 * (every 10ms here), runs the command against the CRM and POSTs the reply through
 * twitter4j; a bounded number of commands is in flight, so each poll reads a few pages
 * and the figures measure the steady state, not a catch-up.
 */
final class CommandBench {

    /**
     * One run's figures.
     *
     * @param perSecond commands answered per second
     * @param pluginCpuNanos CPU time of the plugin's scheduler thread per command
     * @param processCpuNanos CPU time of the whole process per command (fake API included)
     * @param listCallsPerThousand DM list calls per 1,000 commands
     * @param retainedBytes heap the plugin held after the run, if it was measured
     * @param stateFileBytes the plugin's state file after the run, while it still ran
     */
    record Run(int commands, double perSecond, double pluginCpuNanos, double processCpuNanos,
            double listCallsPerThousand, long retainedBytes, long stateFileBytes) {}

    static final Duration POLL = Duration.ofMillis(10);
    private static final String SCHEDULER_THREAD = "casebird-scheduler";
    private static final int AGENTS = 20;
    private static final int CASES_EACH = 5;
    private static final long FIRST_CASE = 1000;
    private static final Duration SLOWEST_REPLY = Duration.ofSeconds(60);

    private final BenchWorld world;
    private final List<TwitterAccount> agents;
    private final Semaphore window;

    private CommandBench(BenchWorld world, int window) throws CrmException {
        this.world = world;
        this.agents = world.addAgents("support", "agent", AGENTS);
        this.window = new Semaphore(window);
        for (int a = 0; a < AGENTS; a++) {
            for (int c = 0; c < CASES_EACH; c++) {
                long id = caseOf(a, c);
                world.crm().createCase(id, "Case " + id, Map.of());
                world.crm().dispatch(id, "support", "dispatcher");
                world.crm().accept(id, agents.get(a).screenName(), "setup-" + id);
            }
        }
        long bot = world.bot().id();
        world.twitter().addMessageListener(m -> {
            if (m.senderId() == bot) {
                this.window.release();
            }
        });
    }

    /** Runs {@code commands} measured commands after the warm-up, in a fresh world. */
    static Run run(Path pluginZip, BenchSizes sizes, int commands, boolean measureFootprint)
            throws IOException, InterruptedException, CrmException {
        try (BenchWorld world = BenchWorld.create(pluginZip)) {
            CommandBench bench = new CommandBench(world, sizes.window());
            world.start(POLL);
            bench.send(0, sizes.warmup());
            long cpu = Meters.processCpuNanos();
            long pluginCpu = Meters.threadCpuNanos(SCHEDULER_THREAD);
            long lists = bench.listCalls();
            long begin = System.nanoTime();
            long end = bench.send(sizes.warmup(), commands);
            double perCommand = commands;
            double pluginPerCommand =
                    (Meters.threadCpuNanos(SCHEDULER_THREAD) - pluginCpu) / perCommand;
            double processPerCommand = (Meters.processCpuNanos() - cpu) / perCommand;
            double listsPerThousand = (bench.listCalls() - lists) * 1000 / perCommand;
            long stateFile = world.stateFileBytes();
            return new Run(commands, commands * 1e9 / (end - begin), pluginPerCommand,
                    processPerCommand, listsPerThousand,
                    measureFootprint ? Footprint.retainedByPlugin(world) : 0, stateFile);
        }
    }

    /** Sends commands {@code from..from+count-1}; returns when the last reply arrived. */
    private long send(int from, int count) throws InterruptedException {
        int before = world.botDms().count();
        for (int i = from; i < from + count; i++) {
            if (!window.tryAcquire(SLOWEST_REPLY.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("no reply within " + SLOWEST_REPLY.toSeconds()
                        + "s; " + (world.botDms().count() - before) + " of " + (i - from)
                        + " commands answered");
            }
            TwitterAccount agent = agents.get(i % AGENTS);
            world.twitter().deliver(agent.id(), world.bot().id(), text(i));
        }
        return world.botDms().awaitArrival(before + count, SLOWEST_REPLY);
    }

    /** Command {@code i}: status, log and mine in turn, on the sending agent's own cases. */
    private static String text(int i) {
        long caseId = caseOf(i % AGENTS, (i / AGENTS) % CASES_EACH);
        return switch (i % 3) {
            case 0 -> "status " + caseId;
            case 1 -> "log " + caseId + " called the customer, bench note " + i;
            default -> "mine";
        };
    }

    private static long caseOf(int agent, int nth) {
        return FIRST_CASE + (long) agent * CASES_EACH + nth;
    }

    private long listCalls() {
        return world.twitter().calls().stream().filter(world::isBotPoll).count();
    }
}
