package casebird.api;

/**
 * Implemented by a plugin class or an extension class that needs the host's services.
 *
 * <p>PF4J's default factories need a public no-arg constructor, so the host cannot pass
 * its context to a constructor. Instead the host's own {@code PluginFactory} and
 * {@code ExtensionFactory} create the instance with its no-arg constructor and call
 * {@link #setHostContext} once, before any other method. A plugin and its extensions get
 * the same context instance. A plugin started by a host that never called it must fail in
 * {@code start()} with a message saying so.
 */
public interface HostContextAware {

    /** Hands over the host's context; called once, right after construction. */
    void setHostContext(HostContext context);
}
