package casebird.harness.bench;

import casebird.api.crm.CrmException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Runs every benchmark in turn, each against its own fresh fake API, and collects figures. */
final class Benchmarks {

    private final Path pluginZip;
    private final BenchSizes sizes;
    private final PrintStream progress;

    Benchmarks(Path pluginZip, BenchSizes sizes, PrintStream progress) {
        this.pluginZip = pluginZip;
        this.sizes = sizes;
        this.progress = progress;
    }

    /** Every figure, footprint first (so its start is the JVM's first, a cold one). */
    List<Figure> run() throws IOException, InterruptedException, CrmException {
        List<Figure> figures = new ArrayList<>();
        step("footprint: ZIP, start, threads, heap");
        figures.addAll(Footprint.run(pluginZip));
        double bareBefore = bareLoop();
        double curl = curl(figures);
        step("notify: latency and fan-out");
        NotifyBench.Result notify = NotifyBench.run(pluginZip, sizes);
        figures.addAll(notify.figures());
        CommandBench.Run last = commands(figures);
        double bare = Math.max(bareBefore, bareLoop());
        figures.add(Figure.of("limit: bare loop of signed POSTs (best of a run before and"
                + " after the others)", Figure.rate(bare, "DMs")));
        figures.add(ratio("send path (fan-out to " + sizes.largestFanOut() + ") / bare loop",
                notify.sendRate(), bare, 0.5));
        figures.add(ratio("send path / curl per DM", notify.sendRate(), curl, 10));
        figures.add(ratio("commands / bare loop", last.perSecond(), bare, 0.33));
        figures.add(ratio("commands / curl per DM", last.perSecond(), curl, 0));
        return figures;
    }

    private double bareLoop() throws IOException {
        step("bare loop: " + sizes.directSends() + " signed HttpURLConnection POSTs");
        return DirectSendBench.bareLoopRate(sizes.warmup(), sizes.directSends());
    }

    private double curl(List<Figure> figures) throws IOException, InterruptedException {
        if (!DirectSendBench.curlInstalled()) {
            figures.add(Figure.of("seed's way: curl per DM", "no " + DirectSendBench.CURL));
            return Double.NaN;
        }
        step("seed's way: " + sizes.directSends() + " DMs, one curl process each");
        double curl = DirectSendBench.curlRate(Math.min(10, sizes.warmup()), sizes.directSends());
        figures.add(Figure.of("seed's way: curl per DM", Figure.rate(curl, "DMs")));
        return curl;
    }

    private CommandBench.Run commands(List<Figure> figures)
            throws IOException, InterruptedException, CrmException {
        List<CommandBench.Run> runs = new ArrayList<>();
        for (int n : sizes.commandRuns()) {
            step(Figure.format("commands: %,d DMs, %d in flight, poll every %dms", n,
                    sizes.window(), CommandBench.POLL.toMillis()));
            boolean footprint = sizes.measuresFootprint(n);
            CommandBench.Run run = CommandBench.run(pluginZip, sizes, n, footprint);
            runs.add(run);
            String of = Figure.format("commands (%,d): ", n);
            figures.add(Figure.of(of + "throughput", Figure.rate(run.perSecond(), "commands")));
            figures.add(Figure.of(of + "plugin thread CPU per command",
                    Figure.millis(run.pluginCpuNanos())));
            figures.add(Figure.of(of + "process CPU per command (fake API too)",
                    Figure.millis(run.processCpuNanos())));
            figures.add(Figure.of(of + "DM list calls per 1,000 commands",
                    Figure.format("%.0f", run.listCallsPerThousand())));
            if (footprint) {
                figures.add(Footprint.retainedAfterCommands(n, run.retainedBytes()));
                figures.add(Footprint.stateFileAfterCommands(n, run.stateFileBytes()));
            }
        }
        figures.add(flatness("commands: plugin CPU per command", runs,
                CommandBench.Run::pluginCpuNanos));
        List<CommandBench.Run> measured = runs.stream()
                .filter(r -> sizes.measuresFootprint(r.commands())).toList();
        if (measured.size() > 1) {
            figures.add(flatness("footprint: retained heap", measured,
                    r -> (double) r.retainedBytes()));
        }
        return runs.get(runs.size() - 1);
    }

    /** The largest of the runs' figures over the smallest; flat is within 25%. */
    private static Figure flatness(String name, List<CommandBench.Run> runs,
            ToDoubleFunction<CommandBench.Run> figure) {
        double max = runs.stream().mapToDouble(figure).max().orElseThrow();
        double min = runs.stream().mapToDouble(figure).min().orElseThrow();
        return Figure.checked(Figure.format("%s, largest / smallest, %,d to %,d commands",
                name, runs.get(0).commands(), runs.get(runs.size() - 1).commands()),
                Figure.format("%.2fx", max / min), "flat (<= 1.25x)", max <= 1.25 * min);
    }

    private static Figure ratio(String name, double ours, double theirs, double goal) {
        String value = Double.isNaN(theirs) ? "n/a" : Figure.format("%.2fx", ours / theirs);
        if (goal == 0 || Double.isNaN(theirs)) {
            return Figure.of("ratio: " + name, value);
        }
        String goalText = goal < 1 ? Figure.format(">= %.0f%%", goal * 100)
                : Figure.format(">= %.0fx", goal);
        return Figure.checked("ratio: " + name, value, goalText, ours / theirs >= goal);
    }

    private void step(String what) {
        progress.println("running " + what + " ...");
    }
}
