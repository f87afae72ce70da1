package casebird.harness.scenario;

import casebird.api.rule.RuleAction;
import casebird.harness.crm.InMemoryCrm;
import casebird.harness.host.RuleManager;
import casebird.harness.host.SimulatedHost;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.RecordedCall;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything one scenario runs against: the fake Twitter API, the in-memory CRM, the rule
 * manager and the simulated host with the real plugin ZIP.
 */
public final class World implements AutoCloseable {

    /** The CRM user field that holds a Twitter handle, as the plugin is configured. */
    public static final String HANDLE_FIELD = "twitter";

    /** How long the plugin may take to start and answer its first poll. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private final Clock clock = Clock.systemUTC();
    private final Path pluginZip;
    private final Path dataRoot;
    private final FakeTwitterApi twitter;
    private final InMemoryCrm crm;
    private final RuleManager rules;
    private final boolean ownsDataRoot;
    private TwitterAccount bot;
    private SimulatedHost host;

    private World(Path pluginZip, Path dataRoot, boolean ownsDataRoot) throws IOException {
        this.pluginZip = pluginZip;
        this.dataRoot = dataRoot;
        this.ownsDataRoot = ownsDataRoot;
        this.twitter = FakeTwitterApi.start(clock);
        this.crm = new InMemoryCrm(clock);
        this.rules = new RuleManager(this::actions);
        crm.addEventListener(rules::fire);
    }

    /** A new world whose plugin data lives in a temporary folder removed on close. */
    public static World create(Path pluginZip) throws IOException {
        return new World(pluginZip, Files.createTempDirectory("casebird-world"), true);
    }

    public FakeTwitterApi twitter() {
        return twitter;
    }

    public InMemoryCrm crm() {
        return crm;
    }

    public RuleManager rules() {
        return rules;
    }

    /** Whether the host and plugin have been started. */
    public boolean started() {
        return host != null;
    }

    /** The bot's account, made as {@code @casebird} unless a {@code bot} statement named it. */
    public TwitterAccount bot() {
        if (bot == null) {
            bot = twitter.createAccount("casebird");
        }
        return bot;
    }

    /** Names the bot's account; only before anything else needs it. */
    public void nameBot(String screenName) {
        if (bot != null) {
            throw new IllegalStateException("the bot is already @" + bot.screenName()
                    + "; put 'bot' before the statements that need it");
        }
        bot = twitter.accountByName(screenName).orElseGet(() -> twitter.createAccount(screenName));
    }

    /** The account that holds the screen name now. */
    public TwitterAccount account(String screenName) {
        return twitter.accountByName(screenName).orElseThrow(
                () -> new IllegalStateException("no Twitter account is called @" + screenName));
    }

    /** The plugin's settings: the bot's credentials, the fake's URL, timings scaled by 1/60. */
    public Map<String, String> pluginSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("consumer-key", twitter.consumerKey());
        settings.put("consumer-secret", twitter.consumerSecret());
        settings.put("access-token", bot().accessToken());
        settings.put("access-token-secret", bot().accessTokenSecret());
        settings.put("api-base-url", twitter.baseUrl().toString());
        settings.put("handle-field", HANDLE_FIELD);
        settings.put("poll-interval", "1s");
        settings.put("retry-base", "100ms");
        settings.put("retry-cap", "5s");
        settings.put("http-timeout", "5s");
        settings.put("unlinked-reply-interval", "24m");
        settings.put("catch-up-margin", "2s");
        settings.put("delete-interval", "1s");
        settings.put("poll-min-interval", "200ms");
        settings.put("reply-likely-period", "6s");
        settings.put("rate-window", "15s");
        settings.put("send-window", "24m");
        settings.put("rate-limit-margin", "100ms");
        return settings;
    }

    /** Starts the host and plugin and waits until the plugin's first poll is answered. */
    public void start() throws InterruptedException {
        bot();
        int callsBefore = twitter.calls().size();
        host = new SimulatedHost(Path.of(pluginZip.getParent().toString()), dataRoot, crm,
                pluginSettings(), clock);
        host.start();
        awaitPoll(callsBefore, READY_TIMEOUT);
    }

    /** Stops the plugin cleanly and starts a new instance on the same data directory. */
    public void restart() throws InterruptedException {
        rules.awaitIdle(Duration.ofSeconds(10));
        host.close();
        host = null;
        start();
    }

    /** Waits until a list call by the bot made after the given call index is answered. */
    public void awaitPoll(int afterCall, Duration timeout) throws InterruptedException {
        boolean polled = Waiting.until(timeout, () -> pollAnsweredAfter(afterCall));
        if (!polled) {
            String health = host == null ? "" : host.health().map(h -> "; health: " + h)
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

    private List<RuleAction> actions() {
        if (host == null) {
            throw new IllegalStateException("the host has not started");
        }
        return host.actions();
    }

    public Optional<SimulatedHost> host() {
        return Optional.ofNullable(host);
    }

    @Override
    public void close() {
        try {
            if (host != null) {
                host.close();
            }
        } finally {
            rules.close();
            twitter.close();
            if (ownsDataRoot) {
                deleteTree(dataRoot);
            }
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
