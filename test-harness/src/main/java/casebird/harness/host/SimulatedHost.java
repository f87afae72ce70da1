package casebird.harness.host;

import casebird.api.HostContext;
import casebird.api.PluginHealth;
import casebird.api.crm.CrmSdk;
import casebird.api.rule.RuleAction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CRM's rule-engine host as a plugin sees it: PF4J loads the plugin ZIP and every
 * plugin and extension instance gets its plugin's one {@link HostContext}, whose web routes
 * the host serves on its own HTTP server on 127.0.0.1.
 */
public final class SimulatedHost implements AutoCloseable {

    /**
     * The host contract version PF4J checks a plugin's {@code plugin.requires} against;
     * 1.1.0 added web routes, 1.2.0 the SDK's read as a user ({@code CrmSdk.viewCase}).
     */
    public static final String HOST_VERSION = "1.2.0";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedHost.class);

    private final Path dataRoot;
    private final CrmSdk crm;
    private final Map<String, String> pluginSettings;
    private final Clock clock;
    private final Path pluginCopy;
    private final HostPluginManager manager;
    private final Map<String, HostContext> contexts = new ConcurrentHashMap<>();
    private final AtomicReference<PluginHealth> health = new AtomicReference<>();
    private final HostWebServer web = new HostWebServer();
    private boolean closed;

    /**
     * A host over the single plugin ZIP in {@code pluginsDir}, which it copies to a private
     * folder (PF4J unpacks a ZIP beside it, so hosts must not share one).
     *
     * @param dataRoot where each plugin gets its data directory, {@code dataRoot/<plugin id>}
     * @param pluginSettings the settings every plugin's context holds
     * @throws IllegalStateException when {@code pluginsDir} does not hold exactly one ZIP
     */
    public SimulatedHost(Path pluginsDir, Path dataRoot, CrmSdk crm,
            Map<String, String> pluginSettings, Clock clock) {
        this.dataRoot = dataRoot;
        this.crm = crm;
        this.pluginSettings = Map.copyOf(pluginSettings);
        this.clock = clock;
        this.pluginCopy = PluginFolder.privateCopy(
                PluginFolder.singleZipIn(pluginsDir, "the host's plugins folder"));
        this.manager = new HostPluginManager(pluginCopy, HOST_VERSION, this::contextFor);
    }

    /**
     * The plugin ZIP the build produced: the single ZIP in the folder that system property
     * {@code casebird.plugins} names, else in the folder {@code plugins} beside the jar
     * that holds this class.
     *
     * @throws IllegalStateException when that folder is missing or does not hold exactly
     *     one ZIP, naming where it looked
     */
    public static Path findPluginZip() {
        return PluginFolder.findPluginZip();
    }

    /**
     * Loads and starts the plugins.
     *
     * @throws IllegalStateException when no plugin loaded or one did not start, with
     *     PF4J's reason as the cause
     */
    public void start() {
        manager.loadPlugins();
        if (manager.getPlugins().isEmpty()) {
            throw new IllegalStateException("no plugin could be loaded from " + pluginCopy
                    + " (see PF4J's log for why)");
        }
        manager.startPlugins();
        for (PluginWrapper plugin : manager.getPlugins()) {
            if (plugin.getPluginState() != PluginState.STARTED) {
                throw notStarted(plugin);
            }
        }
    }

    /** Stops the plugins; PF4J calls each plugin's {@code stop()}. */
    public void stop() {
        manager.stopPlugins();
    }

    /** Unloads the plugins and closes their class loaders. */
    public void unload() {
        manager.unloadPlugins();
    }

    /** The rule actions the started plugins offer, as new instances. */
    public List<RuleAction> actions() {
        return manager.getExtensions(RuleAction.class);
    }

    /** The latest health a plugin reported, if any did. */
    public Optional<PluginHealth> health() {
        return Optional.ofNullable(health.get());
    }

    /** The PF4J plugin manager, for tests that inspect plugin state. */
    public PluginManager pluginManager() {
        return manager;
    }

    /**
     * Stops and unloads the plugins, stops the host's HTTP server and deletes the host's
     * copy of the ZIP.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop();
        unload();
        web.close();
        try {
            PluginFolder.delete(pluginCopy);
        } catch (UncheckedIOException e) {
            LOG.warn("could not delete the host's plugin folder {}", pluginCopy, e);
        }
    }

    private HostContext contextFor(String pluginId) {
        return contexts.computeIfAbsent(pluginId, id -> HostContext.of(crm, pluginSettings,
                dataDirectory(id), clock, HOST_VERSION, health::set,
                Optional.of(web.routesFor(id))));
    }

    private Path dataDirectory(String pluginId) {
        Path directory = dataRoot.resolve(pluginId);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create data directory " + directory, e);
        }
    }

    private static IllegalStateException notStarted(PluginWrapper plugin) {
        Throwable reason = plugin.getFailedException();
        return new IllegalStateException("plugin " + plugin.getPluginId() + " did not start"
                + " (state " + plugin.getPluginState() + ")"
                + (reason == null ? "" : ": " + reason.getMessage()), reason);
    }
}
