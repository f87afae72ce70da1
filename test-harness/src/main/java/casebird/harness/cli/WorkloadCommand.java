package casebird.harness.cli;

import casebird.harness.host.RuleRejectedException;
import casebird.harness.scenario.World;
import casebird.harness.workload.Workload;
import casebird.harness.workload.WorkloadAudit;
import casebird.harness.workload.WorkloadDriver;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code workload} command: drives a seeded stream of dispatches and agent commands
 * through a world kept in a folder, carrying on where a killed run stopped (the crash
 * test kills it again and again).
 */
final class WorkloadCommand {

    private static final Duration PACE = Duration.ofMillis(10);
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private final PrintStream out;
    private final PrintStream err;
    private final Path pluginZip;

    WorkloadCommand(PrintStream out, PrintStream err, Path pluginZip) {
        this.out = out;
        this.err = err;
        this.pluginZip = pluginZip;
    }

    int run(Path folder, long seed) throws IOException, InterruptedException {
        try (World world = World.open(pluginZip, folder)) {
            Workload workload = Workload.generate(seed, Workload.CASES);
            WorkloadAudit.Figures figures =
                    new WorkloadDriver(workload, world, out, PACE).run(TIMEOUT);
            out.println(figures);
            return figures.complete() && figures.duplicatedEffects() == 0
                    ? HarnessMain.OK : HarnessMain.FAILED;
        } catch (RuleRejectedException e) {
            err.println("the workload's rule was rejected: " + e.getMessage());
            return HarnessMain.FAILED;
        }
    }
}
