package casebird.harness.bench;

import casebird.api.crm.CrmException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The harness's {@code bench} command: runs every benchmark and prints the table. */
@Command(name = "bench", description = {
    "run the benchmarks (speed, cost, footprint, side by side with a",
    "bare loop of signed POSTs and one curl process per DM) and",
    "print the table; about two minutes, --quick in seconds"})
public final class BenchCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<Path> pluginZip;

    @Option(names = "--quick", description = "check in seconds that every benchmark runs")
    private boolean quick;

    /**
     * A command printing the table to {@code out} and progress and problems to {@code err},
     * measuring the ZIP that {@code pluginZip} names when the command runs.
     */
    public BenchCommand(PrintStream out, PrintStream err, Supplier<Path> pluginZip) {
        this.out = out;
        this.err = err;
        this.pluginZip = pluginZip;
    }

    /** Runs the benchmarks and prints the table; returns 0. */
    @Override
    public Integer call() throws IOException, InterruptedException {
        BenchSizes sizes = quick ? BenchSizes.QUICK : BenchSizes.FULL;
        List<Figure> figures;
        try {
            figures = new Benchmarks(pluginZip.get(), sizes, err).run();
        } catch (CrmException e) {
            throw new IllegalStateException("the benchmark's CRM setup failed", e);
        }
        out.println("casebird benchmarks" + (sizes == BenchSizes.QUICK ? " (--quick)" : ""));
        out.println("machine: " + machine());
        out.println();
        FigureTable.print(figures, out);
        return 0;
    }

    private static String machine() {
        return Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel().orElse(
                System.getProperty("os.arch")) + ", Java " + System.getProperty(
                "java.runtime.version") + " (" + System.getProperty("java.vm.name") + ")";
    }

    private static Optional<String> cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuinfo)) {
            return Optional.empty();
        }
        try {
            return Files.readAllLines(cpuinfo, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
