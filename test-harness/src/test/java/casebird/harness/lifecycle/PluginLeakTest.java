package casebird.harness.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.rule.RuleAction;
import casebird.harness.crm.InMemoryCrm;
import casebird.harness.host.PluginSettingsBuilder;
import casebird.harness.host.SimulatedHost;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.OAuth2Authorizer;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.lang.ref.WeakReference;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Loads, starts, stops and unloads the real plugin ZIP many times in one JVM, with the
 * plugin talking to the fake Twitter API each time (through twitter4j under v1.1, through
 * its own HTTP client with OAuth 2.0 under v2, and under v2 with push on the X Activity
 * API's stream too), then proves nothing of it stayed: no thread, no class loader, no lock
 * on its data files. With the stream, each cycle waits for the stream to be connected on
 * the plugin's own thread and checks that thread is gone once the plugin is stopped.
 */
class PluginLeakTest {

    private static final int CYCLES = 100;
    private static final Duration SETTLE = Duration.ofSeconds(60);
    /** The plugin's stream reader thread. */
    private static final String STREAM_THREAD = "casebird-stream";
    /** Short, so the fake notices a stream its client closed before the next cycle opens. */
    private static final Duration KEEP_ALIVE = Duration.ofMillis(100);

    @TempDir Path data;
    private final List<Long> startMillis = new ArrayList<>();
    private final List<Long> stopMillis = new ArrayList<>();

    @ParameterizedTest(name = "api {0}")
    @ValueSource(strings = {"v1.1", "v2", "v2 push=stream"})
    void hundredLoadStartStopUnloadCyclesLeaveNoThreadLoaderOrFileLock(String variant)
            throws Exception {
        String api = variant.split(" ")[0];
        boolean stream = variant.endsWith("push=stream");
        Clock clock = Clock.systemUTC();
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        List<WeakReference<ClassLoader>> loaders = new ArrayList<>();
        long started = System.nanoTime();
        try (FakeTwitterApi twitter = FakeTwitterApi.start(clock)) {
            for (Endpoint endpoint : Endpoint.values()) {
                twitter.liftLimit(endpoint);
                twitter.v2().liftLimit(endpoint);
            }
            twitter.v2().setStreamKeepAlive(KEEP_ALIVE);
            Map<String, String> settings =
                    settings(twitter, twitter.createAccount("casebird"), api, stream);
            InMemoryCrm crm = new InMemoryCrm(clock);
            crm.addUser("alice");
            for (int i = 0; i < CYCLES; i++) {
                loaders.add(cycle(settings, crm, clock, stream ? twitter : null));
            }
        }
        long cyclesMillis = (System.nanoTime() - started) / 1_000_000;

        boolean threadsEnded = await(() -> leftover(before).isEmpty());
        boolean loadersCollected = await(() -> {
            System.gc();
            return loaders.stream().allMatch(ref -> ref.get() == null);
        });
        long collected = loaders.stream().filter(ref -> ref.get() == null).count();
        List<Path> files = dataFiles();
        int unlocked = unlockedCount(files);
        System.out.printf("leak test (api %s): %d cycles in %d ms (host load+start median %d"
                + " ms, max %d; stop+unload median %d ms, max %d); threads before %d, left over %d %s;"
                + " plugin class loaders collected %d of %d; data files unlocked %d of %d%n",
                variant, CYCLES, cyclesMillis, median(startMillis), Collections.max(startMillis),
                median(stopMillis), Collections.max(stopMillis), before.size(),
                leftover(before).size(), names(leftover(before)), collected, loaders.size(),
                unlocked, files.size());
        assertTrue(threadsEnded, "threads left over: " + names(leftover(before)));
        assertTrue(loadersCollected, (CYCLES - collected) + " plugin class loaders leaked");
        assertTrue(!files.isEmpty(), "the plugin wrote no state file in " + data);
        assertEquals(files.size(), unlocked, "locked data files among " + files);
    }

    /**
     * One load, start, use, stop and unload; returns a weak reference to its loader. Given
     * the fake ({@code streamed}), also waits for the plugin's stream and checks its thread
     * ends with the stop.
     */
    private WeakReference<ClassLoader> cycle(Map<String, String> settings, InMemoryCrm crm,
            Clock clock, FakeTwitterApi streamed) throws InterruptedException {
        long streamsBefore = streamed == null ? 0 : streamsOpened(streamed);
        SimulatedHost host =
                new SimulatedHost(SimulatedHost.findPluginZip().getParent(), data, crm,
                        settings, clock);
        try {
            long t0 = System.nanoTime();
            host.start();
            startMillis.add((System.nanoTime() - t0) / 1_000_000);
            ClassLoader loader =
                    host.pluginManager().getPlugins().get(0).getPluginClassLoader();
            RuleAction action = host.actions().get(0);
            assertEquals(List.of(), action.validate(Map.of("to", "alice", "template", "hi")));
            assertTrue(await(() -> host.health()
                    .flatMap(h -> h.lastSuccessfulPoll()).isPresent()),
                    "the plugin never polled: " + host.health());
            if (streamed != null) {
                assertTrue(await(() -> streamsOpened(streamed) > streamsBefore
                        && streamThreadAlive()), "the plugin never opened its stream on its"
                        + " thread: " + host.health());
            }
            long t1 = System.nanoTime();
            host.close();
            stopMillis.add((System.nanoTime() - t1) / 1_000_000);
            assertTrue(!streamThreadAlive(), "the stream's thread outlived the stop");
            return new WeakReference<>(loader);
        } finally {
            host.close();
        }
    }

    /** How many stream connections the fake answered 200 so far. */
    private static long streamsOpened(FakeTwitterApi twitter) {
        return twitter.calls().stream().filter(call -> call.status() == 200
                && call.endpoint().equals(Optional.of(Endpoint.ACTIVITY_STREAM))).count();
    }

    private static boolean streamThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals(STREAM_THREAD));
    }

    private static Map<String, String> settings(FakeTwitterApi twitter, TwitterAccount bot,
            String api, boolean stream) throws IOException {
        PluginSettingsBuilder settings = PluginSettingsBuilder.forBot(twitter, bot)
                .with("poll-interval", "1h").with("http-timeout", "5s").with("api", api);
        if (api.equals("v1.1")) {
            return settings.build();
        }
        Map<String, String> v2 = settings.with("auth", "oauth2")
                .with("client-id", twitter.v2().oauth2().clientId())
                .with("client-secret", twitter.v2().oauth2().clientSecret())
                .with("bot-account", bot.screenName())
                .with("oauth2-refresh-token",
                        new OAuth2Authorizer(twitter.v2(), new Random(1)).refreshToken(bot))
                .with("api-base-url", twitter.v2().baseUrl().resolve("/").toString()).build();
        List.of("access-token", "access-token-secret").forEach(v2::remove);
        if (stream) {
            v2.put("push", "stream");
            v2.put("stream-silence", "3s");
        } else {
            List.of("consumer-key", "consumer-secret").forEach(v2::remove);
        }
        return v2;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static Set<Thread> leftover(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !before.contains(t))
                .collect(Collectors.toSet());
    }

    private static String names(Set<Thread> threads) {
        return threads.stream().map(t -> t.getName() + "(loader " + t.getContextClassLoader()
                + ")").sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private List<Path> dataFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(data)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }

    /** How many files this JVM can lock exclusively: the plugin released its locks. */
    private static int unlockedCount(List<Path> files) throws IOException {
        int unlocked = 0;
        for (Path file : files) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ,
                    StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                assertNotNull(lock, file + " is locked by another process");
                unlocked++;
            }
        }
        return unlocked;
    }

    private static boolean await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.getAsBoolean();
    }
}
