package casebird.harness.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.World;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the harness's {@code workload} as a child process on one world folder, kills it with
 * SIGKILL at seeded random moments, starts it again on the folder each time, and then
 * checks the CRM's effect journal: every command took effect exactly once, every notice
 * arrived at least once, and at most one DM per kill repeated notices.
 */
class CrashTest {

    private static final long SEED = 20_251_126L;
    private static final int KILLS = 20;
    private static final int MIN_KILL_DELAY_MS = 100;
    private static final int MAX_KILL_DELAY_MS = 700;
    private static final long READY_TIMEOUT_S = 60;
    private static final long FINISH_TIMEOUT_S = 150;

    @TempDir
    Path folder;

    @Test
    void everyCommandTakesEffectOnceAndEveryNoticeArrivesThroughKills() throws Exception {
        Random random = new Random(SEED);
        Path log = folder.resolve("child.log");
        Path world = folder.resolve("world");
        int kills = 0;
        while (kills < KILLS) {
            Process child = start(world, log);
            awaitReady(child, log, "run " + (kills + 1));
            Thread.sleep(MIN_KILL_DELAY_MS
                    + random.nextInt(MAX_KILL_DELAY_MS - MIN_KILL_DELAY_MS));
            int run = kills + 1;
            assertTrue(child.isAlive(), () -> "run " + run + " ended before its kill"
                    + " (exit status " + child.exitValue() + "):\n" + tail(log));
            child.destroyForcibly().waitFor();
            kills++;
        }
        Process last = start(world, log);
        awaitReady(last, log, "the last run");
        assertTrue(last.waitFor(FINISH_TIMEOUT_S, TimeUnit.SECONDS),
                "the last run did not finish; see " + log);

        WorkloadAudit.Figures figures = audit(world);
        System.out.printf("crash test: crashes %d, commands %d, notifications %d,"
                + " duplicated effects %d, lost effects %d, duplicated notices %d in %d DMs%n",
                kills, figures.commands(), figures.notifications(),
                figures.duplicatedEffects(), figures.lostEffects(), figures.duplicatedDms(),
                figures.repeatingDms());
        assertTrue(figures.commands() >= 500 && figures.notifications() >= 200,
                figures::toString);
        assertEquals(0, figures.duplicatedEffects(), figures::toString);
        assertEquals(0, figures.lostEffects(), figures::toString);
        assertEquals(0, figures.undelivered(), figures::toString);
        assertTrue(figures.repeatingDms() <= kills, () -> "one thread sends one DM at a time,"
                + " so a kill can leave at most one sent DM in the outbox: " + figures);
        assertEquals(0, last.exitValue(), "the last run's exit status; see " + log);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static WorkloadAudit.Figures audit(Path world) throws IOException {
        try (World reopened = World.open(SimulatedHost.findPluginZip(), world)) {
            return WorkloadAudit.audit(Workload.generate(SEED, Workload.CASES), reopened);
        }
    }

    private static Process start(Path world, Path log) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dcasebird.plugins=" + System.getProperty("casebird.plugins"),
                "-cp", System.getProperty("java.class.path"),
                "casebird.harness.cli.HarnessMain", "workload", "--world", world.toString(),
                "--seed", Long.toString(SEED));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    /** Copies the child's output to the log and waits until it says it is ready. */
    private static void awaitReady(Process child, Path log, String run)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(1);
        AtomicReference<IOException> unread = new AtomicReference<>();
        Thread pump = new Thread(() -> copyOutput(child, log, ready, unread),
                "crash-test-output");
        pump.setDaemon(true);
        pump.start();
        boolean said = ready.await(READY_TIMEOUT_S, TimeUnit.SECONDS);
        assertNull(unread.get(), () -> run + "'s output could not be read: " + unread.get());
        assertTrue(said, () -> run + " did not get ready (alive: " + child.isAlive()
                + "); see " + log);
    }

    private static void copyOutput(Process child, Path log, CountDownLatch ready,
            AtomicReference<IOException> unread) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                child.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.write(line + "\n");
                out.flush();
                if (line.startsWith("ready:")) {
                    ready.countDown();
                }
            }
        } catch (IOException e) {
            unread.set(e);
            ready.countDown();
        }
    }
}
