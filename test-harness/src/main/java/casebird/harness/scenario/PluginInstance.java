package casebird.harness.scenario;

import casebird.api.PluginHealth;
import casebird.harness.host.FenceableCrm;
import casebird.harness.host.FenceableRoute;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * One host instance running the plugin, with its own CRM handle and its own network route
 * to the fake X API, so that a crash can cut it off from both while its threads run on.
 */
final class PluginInstance implements AutoCloseable {

    private final SimulatedHost host;
    private final FenceableCrm crm;
    private final FenceableRoute route;

    private PluginInstance(SimulatedHost host, FenceableCrm crm, FenceableRoute route) {
        this.host = host;
        this.crm = crm;
        this.route = route;
    }

    /**
     * Starts a host on {@code dataRoot} whose plugin reaches the fake through a route of its
     * own, with the world's settings for the bot.
     */
    static PluginInstance start(Path pluginZip, Path dataRoot, World world, Clock clock) {
        FenceableRoute route = FenceableRoute.open(world.twitter().baseUrl());
        FenceableCrm crm = new FenceableCrm(world.crm(), world.crmFaults());
        SimulatedHost host;
        try {
            Map<String, String> settings = world.pluginSettings(route);
            host = new SimulatedHost(pluginZip.getParent(), dataRoot, crm, settings, clock);
        } catch (RuntimeException e) {
            route.close();
            throw e;
        }
        PluginInstance instance = new PluginInstance(host, crm, route);
        try {
            host.start();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    /**
     * Waits until the plugin reports a successful read of the bot's DMs, for an API whose
     * calls the harness cannot see; the health's ages are told by {@code clock}.
     *
     * @throws IllegalStateException when none is reported in time, with the plugin's health
     */
    void awaitReportedRead(Duration timeout, URI api, Clock clock)
            throws InterruptedException {
        if (!Waiting.until(timeout, () -> host.health()
                .flatMap(PluginHealth::lastSuccessfulPoll).isPresent())) {
            throw new IllegalStateException("the plugin read no DMs at " + api + " within "
                    + timeout.toSeconds() + "s; " + HealthText.of(host.health(),
                            clock.instant()).replace("\n", ";"));
        }
    }

    SimulatedHost host() {
        return host;
    }

    /**
     * Cuts the instance off as a kill of its process would: every CRM call it makes from now
     * on fails, and every call to the fake API dies on its route before reaching the fake
     * (so it can never use, refresh or spend the next instance's tokens); its threads keep
     * running until {@link #close()}.
     */
    void fence() {
        crm.fence();
        route.fence();
    }

    /** Stops and unloads the plugin (whose calls fail if it was fenced), then its route. */
    @Override
    public void close() {
        try {
            host.close();
        } finally {
            route.close();
        }
    }
}
