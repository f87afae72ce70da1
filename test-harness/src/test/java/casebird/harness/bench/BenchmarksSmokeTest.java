package casebird.harness.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every benchmark runs on a tiny input, so none can rot unnoticed; figures are not judged. */
class BenchmarksSmokeTest {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^([0-9.]+)");

    @Test
    void everyBenchmarkRunsOnATinyInputAndMeasuresSomething() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        List<Figure> figures = new Benchmarks(SimulatedHost.findPluginZip(), BenchSizes.QUICK,
                new PrintStream(progress, true, StandardCharsets.UTF_8)).run();

        for (String expected : List.of("footprint: plugin ZIP size",
                "footprint: startPlugin to first poll answered", "footprint: plugin threads",
                "footprint: retained heap after start", "limit: bare loop of signed POSTs",
                "seed's way: curl per DM", "notify: rule firing to DM POST, p99",
                "notify: fan-out to 3, rate", "commands (20): throughput",
                "commands (20): plugin thread CPU per command",
                "footprint: retained heap after 20 commands",
                "footprint: state file after 20 commands",
                "commands: plugin CPU per command, largest / smallest, 10 to 20 commands",
                "ratio: commands / bare loop")) {
            assertTrue(figures.stream().anyMatch(f -> f.name().startsWith(expected)),
                    "no figure '" + expected + "' in " + figures);
        }
        assertTrue(figures.stream().anyMatch(f -> f.name().startsWith("footprint: plugin threads")
                && f.name().contains(Footprint.STREAM_READER)),
                "the footprint runs with push on the stream: " + figures);
        for (Figure f : figures) {
            boolean timeOrRate = f.value().endsWith(" ms") || f.value().endsWith("/s");
            if (timeOrRate) {
                assertTrue(number(f) > 0, "a time or rate must be positive: " + f);
            }
        }
    }

    @Test
    void theThreadsFigureWantsTheStreamReaderBesidesTheSchedulerAndNothingElse() {
        String scheduler = "casebird-scheduler-1";
        String reader = Footprint.STREAM_READER;
        assertEquals("met", Footprint.threads(List.of(scheduler, reader,
                Footprint.JDK_KEEP_ALIVE, Footprint.FAKE_API + "3")).verdict());
        assertEquals("MISSED", Footprint.threads(List.of(scheduler)).verdict(),
                "push=stream runs a stream reader");
        assertEquals("MISSED", Footprint.threads(List.of(scheduler, reader, "pool-1-thread-1"))
                .verdict(), "a thread of another name is not the plugin's to start");
        assertEquals("MISSED", Footprint.threads(List.of(scheduler, reader, reader))
                .verdict(), "one stream reader");
    }

    @Test
    void theTableHasOneAlignedRowPerFigure() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FigureTable.print(List.of(Figure.of("a", "1 ms"),
                Figure.checked("a longer name", "20 MB", "< 32 MB", true)),
                new PrintStream(out, true, StandardCharsets.UTF_8));

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, lines.size(), String.join("\n", lines));
        assertEquals("| a longer name | 20 MB | < 32 MB | met    |", lines.get(3));
        assertEquals(lines.get(0).length(), lines.get(2).length(), "columns line up");
    }

    private static double number(Figure f) {
        Matcher m = LEADING_NUMBER.matcher(f.value());
        assertTrue(m.find(), "no number in " + f);
        return Double.parseDouble(m.group(1));
    }
}
