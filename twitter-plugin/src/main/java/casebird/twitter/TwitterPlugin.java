package casebird.twitter;

import casebird.api.HostContext;
import casebird.api.HostContextAware;
import casebird.twitter.command.CommandService;
import casebird.twitter.config.PluginSettings;
import java.security.SecureRandom;
import org.pf4j.Plugin;

/**
 * The casebird Twitter plugin: while started it polls the bot's DMs, runs agents'
 * commands and sends the outbox on one background thread that {@link #stop()} ends.
 */
public class TwitterPlugin extends Plugin implements HostContextAware {

    private HostContext context;
    private RunningPlugin running;

    /** Creates the plugin; the host then hands over its context. */
    public TwitterPlugin() {
        // PF4J's plugin factory needs a public no-arg constructor.
    }

    @Override
    public void setHostContext(HostContext context) {
        this.context = context;
    }

    /**
     * Checks the settings, opens the durable state and starts the background thread.
     *
     * @throws IllegalStateException when the host handed over no context
     * @throws casebird.twitter.config.InvalidSettingsException naming each bad setting
     */
    @Override
    public synchronized void start() {
        if (context == null) {
            throw new IllegalStateException("casebird-twitter was started by a host that handed"
                    + " over no HostContext: the host's PluginFactory must call setHostContext");
        }
        if (running != null) {
            return;
        }
        PluginSettings settings = PluginSettings.from(context.settings());
        PluginAssembly assembly =
                new PluginAssembly(settings, context.clock(), new SecureRandom());
        running = RunningPlugin.start(context, assembly,
                store -> ChosenApi.open(settings, assembly.budget(), store, context.clock()),
                new CommandService(context.crm())::handle);
    }

    /** Stops the background thread, waits for it and closes the durable state. */
    @Override
    public synchronized void stop() {
        if (running != null) {
            running.stop();
            running = null;
        }
    }
}
