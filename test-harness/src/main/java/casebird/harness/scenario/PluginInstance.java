package casebird.harness.scenario;

import casebird.harness.host.FenceableCrm;
import casebird.harness.host.SimulatedHost;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One host instance running the plugin, with its own CRM handle and its own access token
 * for the bot, so that a crash can cut it off from both while its threads run on.
 */
final class PluginInstance implements AutoCloseable {

    private final SimulatedHost host;
    private final FenceableCrm crm;
    private final TwitterAccount botToken;
    private final FakeTwitterApi twitter;

    private PluginInstance(SimulatedHost host, FenceableCrm crm, TwitterAccount botToken,
            FakeTwitterApi twitter) {
        this.host = host;
        this.crm = crm;
        this.botToken = botToken;
        this.twitter = twitter;
    }

    /**
     * Starts a host on {@code dataRoot} whose plugin acts for the bot with a freshly issued
     * token; {@code settings} get that token and make the rest of the plugin's settings.
     */
    static PluginInstance start(Path pluginZip, Path dataRoot, World world,
            TwitterAccount bot, Clock clock) {
        TwitterAccount token = world.twitter().issueToken(bot.id());
        FenceableCrm crm = new FenceableCrm(world.crm(), world.crmFaults());
        Map<String, String> settings = world.pluginSettings(token);
        SimulatedHost host = new SimulatedHost(pluginZip.getParent(), dataRoot, crm, settings,
                clock);
        PluginInstance instance = new PluginInstance(host, crm, token, world.twitter());
        try {
            host.start();
        } catch (RuntimeException e) {
            instance.close();
            throw e;
        }
        return instance;
    }

    SimulatedHost host() {
        return host;
    }

    /**
     * Cuts the instance off as a kill of its process would: every CRM and Twitter call it
     * makes from now on fails; its threads keep running until {@link #close()}.
     */
    void fence() {
        crm.fence();
        twitter.revokeToken(botToken.accessToken());
    }

    /** Stops and unloads the plugin (whose calls fail if it was fenced). */
    @Override
    public void close() {
        host.close();
    }
}
