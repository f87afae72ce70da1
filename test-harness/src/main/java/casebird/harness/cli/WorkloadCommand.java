package casebird.harness.cli;

import casebird.harness.host.RuleRejectedException;
import casebird.harness.scenario.ApiVersion;
import casebird.harness.scenario.World;
import casebird.harness.workload.Workload;
import casebird.harness.workload.WorkloadAudit;
import casebird.harness.workload.WorkloadDriver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code workload} command: drives a seeded stream of dispatches and agent commands
 * through a world kept in a folder, carrying on where a killed run stopped (the crash
 * test kills it again and again).
 */
@Command(name = "workload", description = {
    "drive a seeded stream of 200 case dispatches and ~700 agent",
    "commands through the world in DIR, carrying on where a killed",
    "run stopped; prints the figures; exit 0 when every command took",
    "effect exactly once and every notice arrived"})
final class WorkloadCommand implements Callable<Integer> {

    private static final Duration PACE = Duration.ofMillis(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final HarnessMain main;

    @Option(names = "--world", paramLabel = "DIR", required = true,
            description = "the folder that keeps the world")
    private Path folder;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "the workload's random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    WorkloadCommand(HarnessMain main) {
        this.main = main;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintStream out = main.out();
        try (World world = World.open(main.pluginZip(), folder, ApiVersion.V1_1)) {
            Workload workload = Workload.generate(seed, Workload.CASES);
            WorkloadAudit.Figures figures =
                    new WorkloadDriver(workload, world, out, PACE).run(TIMEOUT);
            out.println(figures);
            return figures.complete() && figures.duplicatedEffects() == 0
                    ? HarnessMain.OK : HarnessMain.FAILED;
        } catch (RuleRejectedException e) {
            main.err().println("the workload's rule was rejected: " + e.getMessage());
            return HarnessMain.FAILED;
        }
    }
}
