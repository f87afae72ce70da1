package casebird.api;

import casebird.api.crm.CrmSdk;
import casebird.api.web.WebRoutes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;

/**
 * What the host gives one plugin: the CRM SDK, the admin's settings, a private data
 * directory, a clock, the host's version, a place to report health and (since host
 * contract 1.1.0) HTTP routes under the host's own server.
 *
 * <p>A host makes one context per plugin and hands the same instance to the plugin and to
 * each of its extensions through {@link HostContextAware}.
 */
public interface HostContext {

    /** The CRM SDK; every call names the CRM user it acts as. */
    CrmSdk crm();

    /** The plugin's settings as the admin entered them, secrets included; never null. */
    Map<String, String> settings();

    /** A writable directory that belongs to this plugin alone and survives restarts. */
    Path dataDirectory();

    /** The host's clock; plugins read time only from it so that hosts can scale time. */
    Clock clock();

    /** The host's version, as PF4J compares it with a plugin's {@code plugin.requires}. */
    String hostVersion();

    /** Where the plugin reports its health for the host to show. */
    HealthReporter health();

    /**
     * The routes the host serves for this plugin, or empty when the host has no HTTP
     * server to offer (the default). Since host contract 1.1.0.
     */
    default Optional<WebRoutes> webRoutes() {
        return Optional.empty();
    }

    /** A context that holds the given parts and offers no routes; hosts and tests may use it. */
    static HostContext of(
            CrmSdk crm,
            Map<String, String> settings,
            Path dataDirectory,
            Clock clock,
            String hostVersion,
            HealthReporter health) {
        return of(crm, settings, dataDirectory, clock, hostVersion, health, Optional.empty());
    }

    /** A context that holds the given parts, routes included if given. */
    static HostContext of(
            CrmSdk crm,
            Map<String, String> settings,
            Path dataDirectory,
            Clock clock,
            String hostVersion,
            HealthReporter health,
            Optional<WebRoutes> webRoutes) {
        return new SimpleHostContext(crm, Map.copyOf(settings), dataDirectory, clock,
                hostVersion, health, webRoutes);
    }
}
