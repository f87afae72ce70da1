package casebird.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.HostContext;
import casebird.api.PluginHealth;
import casebird.api.PluginHealth.Credentials;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.LogCapture;
import casebird.twitter.testing.TestSettings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping the plugin while its thread waits on a Twitter that never answers. */
class RunningPluginStopTest {

    private static final Duration TEARDOWN = Duration.ofMillis(300);
    /** Twice the stop wait: twice http-timeout (connect, read) and 5 s for the CRM. */
    private static final Duration STOP_BOUND =
            Duration.ofMillis(100).multipliedBy(2).plusSeconds(5).multipliedBy(2);

    @TempDir Path dir;
    private final List<PluginHealth> reports = Collections.synchronizedList(new ArrayList<>());

    private RunningPlugin start(HangingTwitter twitter) {
        HostContext context = HostContext.of(new FakeCrm(), Map.of(), dir, Clock.systemUTC(),
                "1.1.0", reports::add);
        PluginSettings settings = TestSettings.from(Map.of("http-timeout", "100ms"));
        return RunningPlugin.start(context,
                new PluginAssembly(settings, context.clock(), new Random(1)),
                store -> ChosenApi.of(twitter),
                (login, id, text) -> new Handled(CommandParser.parse(text), Outcome.HELP, "help"));
    }

    private static boolean schedulerAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().startsWith("casebird-scheduler") && t.isAlive());
    }

    @Test
    void stopByAnInterruptedHostThreadStillWaitsForTheThreadBeforeClosingTheStore()
            throws Exception {
        HangingTwitter twitter = new HangingTwitter(TEARDOWN);
        RunningPlugin plugin = start(twitter);
        assertTrue(twitter.hanging.await(10, TimeUnit.SECONDS));

        Thread.currentThread().interrupt();
        plugin.stop();
        boolean interruptKept = Thread.interrupted();

        assertTrue(interruptKept, "stop keeps the caller's interrupt");
        assertTrue(!schedulerAlive(), "the scheduler thread is gone when stop returns");
        assertEquals(Credentials.UNREACHABLE, reports.get(reports.size() - 1).credentials(),
                "the thread's last report read the outbox before the store closed");
    }

    @Test
    void stopInterruptsACallThatNeverAnswersAndEndsTheThreadWithinItsBound() throws Exception {
        HangingTwitter twitter = new HangingTwitter(TEARDOWN);
        RunningPlugin plugin = start(twitter);
        assertTrue(twitter.hanging.await(10, TimeUnit.SECONDS));

        long started = System.nanoTime();
        plugin.stop();
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertTrue(!schedulerAlive(), "the scheduler thread is gone when stop returns");
        assertTrue(took.compareTo(STOP_BOUND) < 0, "stop took " + took);
        assertEquals(Credentials.UNREACHABLE, reports.get(reports.size() - 1).credentials());
    }

    @Test
    void anErrorThrownInATaskIsLoggedAndTheThreadGoesOn() {
        HangingTwitter twitter = new HangingTwitter(TEARDOWN)
                .throwingFirst(new AssertionError("broken invariant in a task"));

        String log = LogCapture.during(() -> {
            RunningPlugin plugin = start(twitter);
            try {
                assertTrue(twitter.hanging.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            } finally {
                plugin.stop();
            }
        });

        assertTrue(log.contains("java.lang.AssertionError: broken invariant in a task"), log);
    }
}
