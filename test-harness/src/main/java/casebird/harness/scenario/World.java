package casebird.harness.scenario;

import casebird.api.rule.RuleAction;
import casebird.api.rule.RuleEvent;
import casebird.harness.crm.InMemoryCrm;
import casebird.harness.host.CrmFaults;
import casebird.harness.host.FenceableRoute;
import casebird.harness.host.PluginSettingsBuilder;
import casebird.harness.host.RuleManager;
import casebird.harness.host.RuleRejectedException;
import casebird.harness.host.SimulatedHost;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.RecordedCall;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Everything one scenario runs against: the fake Twitter API, the in-memory CRM, the rule
 * manager and the simulated host with the real plugin ZIP. A world made by {@link #open}
 * lives in a folder and carries on from it after its process was killed.
 */
public final class World implements AutoCloseable {

    /** The CRM user field that holds a Twitter handle, as the plugin is configured. */
    public static final String HANDLE_FIELD = PluginSettingsBuilder.HANDLE_FIELD;

    /** How long the plugin may take to start and answer its first poll. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(10);
    /** The fake's stream keep-alive in a world: X's 20 s at most, read as one second. */
    static final Duration STREAM_KEEP_ALIVE = Duration.ofSeconds(1);

    private final Clock clock = Clock.systemUTC();
    private final Path pluginZip;
    private final Path root;
    private final boolean ownsRoot;
    private final WorldState state;
    private final ApiConnection connection;
    private final FakeTwitterApi twitter;
    private final InMemoryCrm crm;
    private final CrmFaults crmFaults = new CrmFaults();
    private final RuleManager rules;
    private final List<RuleEvent> eventsToRun = new ArrayList<>();
    private final List<PluginInstance> fenced = new ArrayList<>();
    private final Object pluginChange = new Object();
    private TwitterAccount bot;
    private final List<Map<String, String>> handedOut = new CopyOnWriteArrayList<>();
    private PluginInstance plugin;
    private boolean crashing;
    private boolean push;
    private boolean stream;
    private Optional<ForeignApi> foreign = Optional.empty();

    private World(Path pluginZip, Path root, boolean durable, ApiVersion defaultApi)
            throws IOException {
        this.pluginZip = pluginZip;
        this.root = root;
        this.ownsRoot = !durable;
        List<RuleEvent> replayed = new ArrayList<>();
        this.twitter = durable ? FakeTwitterApi.open(clock, root.resolve("twitter.jsonl"))
                : FakeTwitterApi.start(clock);
        this.crm = durable ? InMemoryCrm.open(clock, root.resolve("crm.jsonl"), replayed::add)
                : new InMemoryCrm(clock);
        twitter.v2().setStreamKeepAlive(STREAM_KEEP_ALIVE);
        this.connection = new ApiConnection(twitter, defaultApi, new SecureRandom());
        this.state = durable ? WorldState.open(root.resolve("world.jsonl"))
                : WorldState.inMemory();
        state.connection().ifPresent(connection::restore);
        this.rules = new RuleManager(this::actions);
        state.rules().forEach(rules::restoreRule);
        rules.onEventRun(state::recordEventRun);
        crm.addEventListener(rules::fire);
        replayed.stream().filter(e -> !state.eventRun(e.eventId())).forEach(eventsToRun::add);
    }

    /** A new world whose state lives in memory and a temporary folder removed on close. */
    public static World create(Path pluginZip) throws IOException {
        return create(pluginZip, ApiVersion.DEFAULT);
    }

    /** As {@link #create(Path)}, speaking {@code defaultApi} unless an {@code api} names one. */
    public static World create(Path pluginZip, ApiVersion defaultApi) throws IOException {
        return new World(pluginZip, Files.createTempDirectory("casebird-world"), false,
                defaultApi);
    }

    /**
     * The world kept in {@code folder} (created empty if missing): CRM, fake Twitter, rules
     * and plugin data, each change written through to its file before it is acknowledged;
     * the CRM events whose rules had not run when the last process died run once the plugin
     * starts.
     */
    public static World open(Path pluginZip, Path folder) throws IOException {
        return open(pluginZip, folder, ApiVersion.DEFAULT);
    }

    /**
     * As {@link #open(Path, Path)}; a new world speaks {@code defaultApi} unless an
     * {@code api} names one, a resumed one the API and auth its plugin last started with.
     */
    public static World open(Path pluginZip, Path folder, ApiVersion defaultApi)
            throws IOException {
        return new World(pluginZip, Files.createDirectories(folder), true, defaultApi);
    }

    /** Whether this world already had a bot, i.e. it was built before (in its folder). */
    public boolean resumed() {
        return bot != null || state.botId().isPresent();
    }

    public FakeTwitterApi twitter() {
        return twitter;
    }

    public InMemoryCrm crm() {
        return crm;
    }

    /** The CRM failures scripted for the plugin's SDK calls, shared by every instance. */
    public CrmFaults crmFaults() {
        return crmFaults;
    }

    public RuleManager rules() {
        return rules;
    }

    /** Adds a rule as the rule manager validates it, and keeps it with the world. */
    public void addRule(RuleManager.Rule rule) throws RuleRejectedException {
        rules.addRule(rule);
        state.recordRule(rule);
    }

    /** Whether the host and plugin have been started. */
    public boolean started() {
        return plugin != null;
    }

    /** The bot's account, made as {@code @casebird} unless a {@code bot} statement named it. */
    public TwitterAccount bot() {
        if (bot == null && state.botId().isPresent()) {
            bot = twitter.accountById(state.botId().getAsLong()).orElseThrow();
        } else if (bot == null) {
            bot = twitter.accountByName("casebird")
                    .orElseGet(() -> twitter.createAccount("casebird"));
            state.recordBot(bot.id());
        }
        return bot;
    }

    /** Names the bot's account; only before anything else needs it. */
    public void nameBot(String screenName) {
        if (resumed()) {
            throw new IllegalStateException("the bot is already @" + bot().screenName()
                    + "; put 'bot' before the statements that need it");
        }
        bot = twitter.accountByName(screenName).orElseGet(() -> twitter.createAccount(screenName));
        state.recordBot(bot.id());
    }

    /** The account that holds the screen name now. */
    public TwitterAccount account(String screenName) {
        return twitter.accountByName(screenName).orElseThrow(
                () -> new IllegalStateException("no Twitter account is called @" + screenName));
    }

    /**
     * Makes the plugin take DMs by push to its webhook: under v1.1 it is configured with
     * an Account Activity environment, under v2 with {@code push=webhook}; it registers its
     * webhook with the fake API, and each start waits for that.
     */
    public void enablePush() {
        requireNotStarted("delivery push");
        push = true;
    }

    /**
     * Makes the plugin take DMs on the X Activity API's stream ({@code push=stream}, v2
     * only); each start waits until the stream is connected and subscribed.
     */
    public void enableStream() {
        requireNotStarted("delivery stream");
        stream = true;
    }

    /** Drops the fake's activity streams {@code times} times, or stalls them. */
    public void faultStream(Step.StreamFaultKind kind, int times) {
        if (kind == Step.StreamFaultKind.DROP) {
            twitter.v2().dropStreams(times);
        } else {
            twitter.v2().stallStreams();
        }
    }

    /** Every settings map handed to a plugin instance of this world, oldest first. */
    public List<Map<String, String>> settingsHandedOut() {
        return List.copyOf(handedOut);
    }

    /**
     * Points the plugin at an X API other than this world's fake, with its settings there
     * (before the plugin starts); the world's statements that act on the fake then have no
     * effect on what the plugin sees.
     */
    public void useForeignApi(ForeignApi api) {
        requireNotStarted("a foreign API");
        foreign = Optional.of(api);
    }

    /** Makes the plugin and the fake speak this API (before the plugin starts). */
    public void useApi(ApiVersion version) {
        requireNotStarted("api");
        connection.useApi(version);
    }

    /** Makes the plugin authenticate this way (before the plugin starts). */
    public void useAuth(AuthScheme scheme) {
        requireNotStarted("auth");
        connection.useAuth(scheme);
    }

    /**
     * The API and authentication the plugin uses: as chosen, else the API's default auth.
     *
     * @throws IllegalStateException for a pair that cannot work (OAuth 2.0 under v1.1)
     */
    public ApiChoice apiChoice() {
        return connection.choice();
    }

    /**
     * Expires the bot's OAuth 2.0 access tokens at the fake now, or revokes its grants.
     *
     * @throws IllegalStateException when the plugin does not use OAuth 2.0
     */
    public void faultToken(Step.TokenFaultKind kind) {
        connection.faultToken(kind, bot());
    }

    private void requireNotStarted(String statement) {
        if (started()) {
            throw new IllegalStateException("'" + statement + "' must come before the plugin"
                    + " starts");
        }
    }

    /**
     * The plugin's settings: the API and credentials for the bot reached through the
     * instance's route, timings scaled by 1/60.
     */
    Map<String, String> pluginSettings(FenceableRoute route) {
        ApiChoice choice = apiChoice();
        if (push && stream) {
            throw new IllegalStateException("'delivery push' and 'delivery stream' exclude"
                    + " each other: name one");
        }
        if (stream && choice.api() != ApiVersion.V2) {
            throw new IllegalStateException("'delivery stream' needs 'api v2': the X Activity"
                    + " API has no v1.1");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        if (foreign.isPresent()) {
            connection.putForeignSettings(settings, bot(), foreign.get());
            handedOut.add(Map.copyOf(settings));
            return settings;
        }
        connection.putSettings(settings, bot(), route::rebase);
        state.recordConnection(connection.snapshot());
        PluginSettingsBuilder.putHarnessTimings(settings);
        settings.put("poll-interval", "1s");
        settings.put("credentials-retry", "15s");
        settings.put("unlinked-reply-interval", "24m");
        settings.put("catch-up-margin", "2s");
        settings.put("delete-interval", "1s");
        settings.put("poll-min-interval", "200ms");
        settings.put("reply-likely-period", "6s");
        settings.put("rate-window", "15s");
        settings.put("notice-max-delay", "15s");
        settings.put("send-window", "24m");
        settings.put("rate-limit-margin", "100ms");
        if (push && choice.api() == ApiVersion.V1_1) {
            settings.put("webhook-env", "casebird");
            settings.put("reconcile-interval", "15s");
            settings.put("push-silence", "65s");
        } else if (push || stream) {
            putXaaSettings(settings);
        }
        handedOut.add(Map.copyOf(settings));
        return settings;
    }

    /**
     * The settings of push on the X Activity API: the app's consumer pair (which the
     * app-only Bearer, the CRC answers and the signatures need, under OAuth 2.0 too), the
     * stream's silence limit (three of the fake's 1 s keep-alives) and slow reconciliation.
     */
    private void putXaaSettings(Map<String, String> settings) {
        settings.put("push", stream ? "stream" : "webhook");
        settings.put("consumer-key", twitter.consumerKey());
        settings.put("consumer-secret", twitter.consumerSecret());
        settings.put("reconcile-interval", "15s");
        if (stream) {
            settings.put("stream-silence", "3s");
        }
    }

    /** How the plugin takes DMs, as the delivery statements and the API chose. */
    private PushReadiness.Mode delivery() {
        if (stream) {
            return PushReadiness.Mode.STREAM;
        }
        if (!push) {
            return PushReadiness.Mode.POLL;
        }
        return apiChoice().api() == ApiVersion.V2 ? PushReadiness.Mode.V2_WEBHOOK
                : PushReadiness.Mode.V1_WEBHOOK;
    }

    /**
     * Starts a host and plugin instance (with its own token for the bot) on the plugin's
     * data folder, runs the rules of CRM events no rule had run before, and waits until
     * the plugin's first poll is answered (and, with push, until its webhook is registered and,
     * under v2, subscribed; with the stream, until it is connected and subscribed).
     */
    public void start() throws InterruptedException {
        int callsBefore = twitter.calls().size();
        PushReadiness pushReady = PushReadiness.from(twitter, delivery(), bot().id());
        PluginInstance started = PluginInstance.start(pluginZip,
                root.resolve(state.dataFolder()), this, clock);
        synchronized (pluginChange) {
            plugin = started;
            crashing = false;
            pluginChange.notifyAll();
        }
        eventsToRun.forEach(rules::fire);
        eventsToRun.clear();
        if (foreign.isPresent()) {
            started.awaitReportedRead(READY_TIMEOUT, foreign.get().baseUrl(), clock);
        } else {
            awaitPoll(callsBefore, READY_TIMEOUT);
        }
        if (!Waiting.until(READY_TIMEOUT, pushReady::ready)) {
            throw new IllegalStateException("the plugin " + pushReady.missing() + " within "
                    + READY_TIMEOUT.toSeconds() + "s" + host().flatMap(SimulatedHost::health)
                            .map(h -> "; health: " + h).orElse(""));
        }
    }

    /** Stops the plugin cleanly and starts a new instance on the same data directory. */
    public void restart() throws InterruptedException {
        rules.awaitIdle(IDLE_TIMEOUT);
        plugin.close();
        plugin = null;
        start();
    }

    /**
     * Leaves what a kill of the host would: the running instance is fenced (its CRM and
     * Twitter calls fail from now on; it is stopped only when the world closes), its data
     * folder is copied as it is on disk, and a new instance starts on the copy.
     */
    public void crash() throws InterruptedException, IOException {
        rules.awaitIdle(IDLE_TIMEOUT);
        PluginInstance killed = plugin;
        synchronized (pluginChange) {
            crashing = true;
            plugin = null;
        }
        killed.fence();
        fenced.add(killed);
        String copy = state.dataFolderAfterCrash();
        DataFolders.copy(root.resolve(state.dataFolder()), root.resolve(copy));
        state.recordDataFolder(copy);
        start();
    }

    /** Waits until a list call by the bot made after the given call index is answered. */
    public void awaitPoll(int afterCall, Duration timeout) throws InterruptedException {
        boolean polled = Waiting.until(timeout, () -> pollAnsweredAfter(afterCall));
        if (!polled) {
            String health = host().flatMap(SimulatedHost::health).map(h -> "; health: " + h)
                    .orElse("");
            throw new IllegalStateException("the plugin made no successful dm-list call within "
                    + timeout.toSeconds() + "s" + health);
        }
    }

    private boolean pollAnsweredAfter(int afterCall) {
        List<RecordedCall> calls = twitter.calls();
        long botId = bot().id();
        for (int i = afterCall; i < calls.size(); i++) {
            RecordedCall call = calls.get(i);
            if (call.endpoint().equals(Optional.of(Endpoint.DM_LIST)) && call.status() == 200
                    && call.accountId().isPresent() && call.accountId().getAsLong() == botId) {
                return true;
            }
        }
        return false;
    }

    /** The running instance's actions; during a crash, those of the instance after it. */
    private List<RuleAction> actions() {
        synchronized (pluginChange) {
            long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
            while (crashing && System.nanoTime() < deadline) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(pluginChange, deadline - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (plugin == null) {
                throw new IllegalStateException("the host has not started");
            }
            return plugin.host().actions();
        }
    }

    /** The host of the running plugin instance, if one runs. */
    public Optional<SimulatedHost> host() {
        synchronized (pluginChange) {
            return Optional.ofNullable(plugin).map(PluginInstance::host);
        }
    }

    /** Stops every plugin instance (fenced ones too), the fake API and the rule engine. */
    @Override
    public void close() {
        try {
            if (plugin != null) {
                plugin.close();
            }
            fenced.forEach(PluginInstance::close);
        } finally {
            rules.close();
            twitter.close();
            crm.close();
            state.close();
            if (ownsRoot) {
                DataFolders.delete(root);
            }
        }
    }
}
