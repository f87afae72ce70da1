package casebird.twitter;

import casebird.api.HostContext;
import com.google.common.collect.MapMaker;
import java.util.Map;
import java.util.Optional;

/**
 * The running plugin of each host context, so an extension instance (which PF4J creates
 * apart from the plugin) reaches the plugin that shares its context.
 *
 * <p>Keys are held weakly and compared by identity: a context a host dropped does not
 * keep the runtime alive.
 */
public final class PluginRuntimes {

    private static final Map<HostContext, PluginRuntime> RUNNING =
            new MapMaker().weakKeys().makeMap();

    private PluginRuntimes() {}

    /** Records the runtime of the plugin started with that context. */
    public static void register(HostContext context, PluginRuntime runtime) {
        RUNNING.put(context, runtime);
    }

    /** Forgets the runtime of the plugin stopped with that context. */
    public static void unregister(HostContext context) {
        RUNNING.remove(context);
    }

    /** The running plugin's runtime for that context, if one is running. */
    public static Optional<PluginRuntime> find(HostContext context) {
        return Optional.ofNullable(RUNNING.get(context));
    }
}
