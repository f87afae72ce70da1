package casebird.harness.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The plugin's footprint in the host, with push on the X Activity API's stream (X API v2):
 * ZIP size, start time, threads it starts (its stream reader among them), and heap
 * it holds (heap in use with the plugin running minus heap in use once it is stopped and
 * unloaded, each after full collections, so the fake API's and the CRM's data cancel out).
 */
final class Footprint {

    /** The JDK's one keep-alive cache thread for HttpURLConnection, shared by the process. */
    static final String JDK_KEEP_ALIVE = "Keep-Alive-Timer";
    /** The fake API's HTTP threads, started as its pool grows. */
    static final String FAKE_API = "fake-twitter-";
    /** The plugin's X Activity API stream reader. */
    static final String STREAM_READER = "casebird-stream";
    private static final long MB = 1024 * 1024;

    private Footprint() {}

    /** Measures a start in this JVM; run first, it is a cold start as a host sees it. */
    static List<Figure> run(Path pluginZip) throws IOException, InterruptedException {
        List<Figure> figures = new ArrayList<>();
        long zip = Files.size(pluginZip);
        figures.add(Figure.checked("footprint: plugin ZIP size", Figure.megabytes(zip),
                "< 5 MB", zip < 5 * MB));
        try (BenchWorld world = BenchWorld.createStreaming(pluginZip)) {
            Set<Thread> before = Meters.liveThreads();
            BenchWorld.StartTimes times = world.start(Duration.ofSeconds(60));
            List<String> started = Meters.threadsSince(before);
            figures.add(Figure.of("footprint: PF4J load (unzip, class loader)",
                    Figure.millis(times.load())));
            figures.add(Figure.checked("footprint: startPlugin returns (the host waits)",
                    Figure.millis(times.startPlugin()), "< 300 ms",
                    times.startPlugin() < 300_000_000L));
            figures.add(Figure.checked("footprint: startPlugin to first poll answered",
                    Figure.millis(times.toFirstPoll()), "< 300 ms",
                    times.toFirstPoll() < 300_000_000L));
            figures.add(threads(started));
            long retained = retainedByPlugin(world);
            figures.add(Figure.checked("footprint: retained heap after start",
                    Figure.megabytes(retained), "< 32 MB", retained < 32 * MB));
        }
        return figures;
    }

    /** The heap figure after a command run. */
    static Figure retainedAfterCommands(int commands, long retained) {
        return Figure.checked(Figure.format("footprint: retained heap after %,d commands",
                commands), Figure.megabytes(retained), "< 32 MB", retained < 32 * MB);
    }

    /** The state file's size after a command run. */
    static Figure stateFileAfterCommands(int commands, long bytes) {
        return Figure.checked(Figure.format("footprint: state file after %,d commands",
                commands), Figure.megabytes(bytes), "< 50 MB", bytes < 50 * MB);
    }

    /**
     * The threads started since the host started the plugin with push on the stream, but
     * the JDK's and the fake's: scheduler threads and the one stream reader.
     */
    static Figure threads(List<String> started) {
        List<String> owned = started.stream()
                .filter(n -> !n.equals(JDK_KEEP_ALIVE) && !n.startsWith(FAKE_API)).toList();
        long readers = owned.stream().filter(STREAM_READER::equals).count();
        boolean known = owned.stream().allMatch(n -> n.startsWith("casebird-scheduler")
                || n.equals(STREAM_READER));
        return Figure.checked("footprint: plugin threads (push=stream) " + owned,
                Integer.toString(owned.size()), "<= 3, schedulers and one stream reader",
                owned.size() <= 3 && known && readers == 1);
    }

    /** Heap the running plugin holds; stops and unloads it to find out. */
    static long retainedByPlugin(BenchWorld world) throws InterruptedException {
        long running = Meters.usedHeapAfterGc();
        world.stopHost();
        return running - Meters.usedHeapAfterGc();
    }
}
