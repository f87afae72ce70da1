package casebird.harness.host;

import casebird.api.HostContext;
import casebird.api.HostContextAware;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.pf4j.DefaultExtensionFactory;
import org.pf4j.DefaultPluginFactory;
import org.pf4j.DefaultPluginManager;
import org.pf4j.ExtensionFactory;
import org.pf4j.Plugin;
import org.pf4j.PluginFactory;
import org.pf4j.PluginWrapper;
import org.pf4j.RuntimeMode;

/**
 * PF4J's default plugin manager with factories that hand each new plugin and extension
 * instance its plugin's host context, as the host contract promises.
 *
 * <p>PF4J's constructor calls the factory methods before this class's fields are set, so
 * the factories look the context up only when they create an instance.
 */
final class HostPluginManager extends DefaultPluginManager {

    private final Function<String, HostContext> contexts;

    HostPluginManager(Path pluginsRoot, String systemVersion,
            Function<String, HostContext> contexts) {
        super(pluginsRoot);
        this.contexts = Objects.requireNonNull(contexts, "contexts");
        setSystemVersion(systemVersion);
    }

    @Override
    public RuntimeMode getRuntimeMode() {
        return RuntimeMode.DEPLOYMENT;
    }

    /**
     * Stops the started plugins, last started first, one by one: PF4J 3.15.0's own
     * {@code stopPlugins()} fails with a ConcurrentModificationException (pf4j issue 656).
     */
    @Override
    public void stopPlugins() {
        List<PluginWrapper> started = new ArrayList<>(getStartedPlugins());
        Collections.reverse(started);
        for (PluginWrapper plugin : started) {
            if (plugin.getPluginState().isStarted()) {
                stopPlugin(plugin.getPluginId());
            }
        }
    }

    @Override
    protected PluginFactory createPluginFactory() {
        return new DefaultPluginFactory() {
            @Override
            public Plugin create(PluginWrapper wrapper) {
                Plugin plugin = super.create(wrapper);
                handOver(plugin, wrapper.getPluginId());
                return plugin;
            }
        };
    }

    @Override
    protected ExtensionFactory createExtensionFactory() {
        return new DefaultExtensionFactory() {
            @Override
            public <T> T create(Class<T> extensionClass) {
                T extension = super.create(extensionClass);
                PluginWrapper owner = whichPlugin(extensionClass);
                if (owner != null) {
                    handOver(extension, owner.getPluginId());
                }
                return extension;
            }
        };
    }

    private void handOver(Object instance, String pluginId) {
        if (instance instanceof HostContextAware aware) {
            aware.setHostContext(contexts.apply(pluginId));
        }
    }
}
