package casebird.harness.bench;

import casebird.api.crm.CrmException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The harness's {@code bench} command: runs every benchmark and prints the table. */
public final class BenchCommand {

    /** The command's line in the harness's usage text. */
    public static final String USAGE = String.join("\n",
            "  bench [--quick] run the benchmarks (speed, cost, footprint, side by side with a",
            "                  bare loop of signed POSTs and one curl process per DM) and",
            "                  print the table; about two minutes, --quick in seconds");

    private final PrintStream out;
    private final PrintStream err;
    private final Path pluginZip;

    /** A command printing the table to {@code out} and progress and problems to {@code err}. */
    public BenchCommand(PrintStream out, PrintStream err, Path pluginZip) {
        this.out = out;
        this.err = err;
        this.pluginZip = pluginZip;
    }

    /** Runs the benchmarks; returns 0, or 2 for an unknown argument. */
    public int run(List<String> args) throws IOException, InterruptedException {
        if (!args.isEmpty() && !args.equals(List.of("--quick"))) {
            err.println("bench takes no argument but --quick, not " + args);
            return 2;
        }
        BenchSizes sizes = args.isEmpty() ? BenchSizes.FULL : BenchSizes.QUICK;
        List<Figure> figures;
        try {
            figures = new Benchmarks(pluginZip, sizes, err).run();
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
