package casebird.harness.bench;

import casebird.api.rule.RuleAction;
import casebird.harness.crm.InMemoryCrm;
import casebird.harness.host.PluginSettingsBuilder;
import casebird.harness.host.RuleManager;
import casebird.harness.host.SimulatedHost;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.FakeTwitterClient;
import casebird.harness.twitter.RecordedCall;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * A world for one benchmark: the fake Twitter API with every rate limit lifted, an
 * in-memory CRM, a rule manager and a simulated host whose plugin polls at the
 * benchmark's interval (the scenario world's timings are the scenarios', not these).
 */
final class BenchWorld implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    /** How long each part of a start took, in nanoseconds. */
    record StartTimes(long load, long startPlugin, long toFirstPoll) {}

    private final Path pluginZip;
    private final Path dataRoot;
    private final FakeTwitterApi twitter;
    private final InMemoryCrm crm;
    private final RuleManager rules;
    private final TwitterAccount bot;
    private final BotDms botDms;
    private final boolean stream;
    private SimulatedHost host;

    private BenchWorld(Path pluginZip, boolean stream) throws IOException {
        Clock clock = Clock.systemUTC();
        this.pluginZip = pluginZip;
        this.stream = stream;
        this.dataRoot = Files.createTempDirectory("casebird-bench");
        this.twitter = FakeTwitterApi.start(clock);
        for (Endpoint endpoint : Endpoint.values()) {
            twitter.liftLimit(endpoint);
            twitter.v2().liftLimit(endpoint);
        }
        this.crm = new InMemoryCrm(clock);
        this.rules = new RuleManager(this::actions);
        crm.addEventListener(rules::fire);
        this.bot = twitter.createAccount("casebird");
        this.botDms = new BotDms(bot.id());
        twitter.addMessageListener(botDms);
        warmUpFakeApi();
    }

    static BenchWorld create(Path pluginZip) throws IOException {
        return new BenchWorld(pluginZip, false);
    }

    /**
     * A world whose plugin speaks X API v2 (OAuth 1.0a user keys) with push on the X
     * Activity API's stream, so its stream reader runs besides its scheduler.
     */
    static BenchWorld createStreaming(Path pluginZip) throws IOException {
        return new BenchWorld(pluginZip, true);
    }

    FakeTwitterApi twitter() {
        return twitter;
    }

    InMemoryCrm crm() {
        return crm;
    }

    RuleManager rules() {
        return rules;
    }

    TwitterAccount bot() {
        return bot;
    }

    /** The DMs the bot has sent, timed as the fake API received them. */
    BotDms botDms() {
        return botDms;
    }

    /** Agents {@code prefix0..}: a Twitter account and a CRM user naming it, in the queue. */
    List<TwitterAccount> addAgents(String queue, String prefix, int count) {
        crm.addQueue(queue);
        List<TwitterAccount> agents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            TwitterAccount account = twitter.createAccount(prefix + i);
            crm.addUser(account.screenName());
            crm.setUserField(account.screenName(), PluginSettingsBuilder.HANDLE_FIELD,
                    "@" + account.screenName());
            crm.addQueueMember(queue, account.screenName());
            agents.add(account);
        }
        return agents;
    }

    /**
     * Loads the plugin ZIP, starts the plugin and waits for its first answered DM poll (and,
     * streaming, for its stream to be connected).
     */
    StartTimes start(Duration pollInterval) throws InterruptedException {
        host = new SimulatedHost(pluginZip.getParent(), dataRoot, crm, settings(pollInterval),
                twitter.clock());
        PluginManager manager = host.pluginManager();
        long begin = System.nanoTime();
        manager.loadPlugins();
        long loaded = System.nanoTime();
        manager.startPlugins();
        long started = System.nanoTime();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                throw new IllegalStateException("plugin " + plugin.getPluginId()
                        + " did not start: " + plugin.getFailedException());
            }
        }
        awaitFirstPoll();
        long ready = System.nanoTime();
        if (stream) {
            awaitStream();
        }
        return new StartTimes(loaded - begin, started - loaded, ready - loaded);
    }

    /**
     * Has the fake API answer one call (with the JDK's java.net.http client, which the
     * plugin does not use), so the fake's own first-call costs (Jackson, the JDK's HTTP
     * server) do not count as the plugin's start.
     */
    private void warmUpFakeApi() throws IOException {
        TwitterAccount from = twitter.createAccount("warmup_from");
        TwitterAccount to = twitter.createAccount("warmup_to");
        new FakeTwitterClient(twitter).sendDirectMessage(from, to.id(), "warm-up");
    }

    private Map<String, String> settings(Duration pollInterval) {
        PluginSettingsBuilder settings = PluginSettingsBuilder.forBot(twitter, bot)
                .withHarnessTimings().with("poll-interval", pollInterval.toMillis() + "ms");
        if (stream) {
            settings.with("api", "v2").with("auth", "oauth1")
                    .with("bot-account", bot.screenName())
                    .with("api-base-url", twitter.v2().baseUrl().resolve("/").toString())
                    .with("push", "stream");
        }
        return settings.build();
    }

    private void awaitStream() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!twitter.v2().streamReady(bot.id())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the plugin connected no stream within "
                        + READY_TIMEOUT.toSeconds() + "s; health: "
                        + host.health().map(Object::toString).orElse("none reported"));
            }
            Thread.sleep(1);
        }
    }

    private void awaitFirstPoll() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!polled()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the plugin made no successful dm-list call"
                        + " within " + READY_TIMEOUT.toSeconds() + "s; health: "
                        + host.health().map(Object::toString).orElse("none reported"));
            }
            Thread.sleep(1);
        }
    }

    private boolean polled() {
        return twitter.calls().stream().anyMatch(this::isBotPoll);
    }

    /** Whether a call is a DM list the fake answered for the bot. */
    boolean isBotPoll(RecordedCall call) {
        return call.endpoint().equals(Optional.of(Endpoint.DM_LIST)) && call.status() == 200
                && call.accountId().orElse(-1) == bot.id();
    }

    /** Bytes of the plugin's state files ({@code *.mv}) in the world's data folders. */
    long stateFileBytes() throws IOException {
        try (Stream<Path> paths = Files.walk(dataRoot)) {
            long bytes = 0;
            for (Path p : paths.filter(p -> p.toString().endsWith(".mv")).toList()) {
                bytes += Files.size(p);
            }
            return bytes;
        }
    }

    /** Stops and unloads the plugin; the fake API and the CRM stay. */
    void stopHost() {
        if (host != null) {
            host.close();
            host = null;
        }
    }

    private List<RuleAction> actions() {
        if (host == null) {
            throw new IllegalStateException("the host has not started");
        }
        return host.actions();
    }

    @Override
    public void close() {
        try {
            stopHost();
        } finally {
            rules.close();
            twitter.close();
            deleteTree(dataRoot);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
