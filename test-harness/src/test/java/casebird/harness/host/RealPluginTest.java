package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.rule.RuleAction;
import casebird.harness.crm.InMemoryCrm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;

/**
 * The real plugin ZIP the build copied into the folder named by {@code casebird.plugins}:
 * these pass only once the real Twitter plugin (not the build skeleton's placeholder) lands.
 */
class RealPluginTest {

    private static final String ACTION = "casebird.twitter.notify.SendTwitterDmAction";
    private static final Map<String, String> SETTINGS = PluginSettingsBuilder.of(
            "test-consumer-key", "test-consumer-secret", "1-test-access-token",
            "test-access-token-secret", "http://127.0.0.1:9/1.1/")
            .with("handle-field", "twitter").with("poll-interval", "1s").build();

    @TempDir
    Path data;

    @Test
    void pluginLoadsStartsAndOffersTheSendDmActionWithTheHostContext() {
        Path zip = SimulatedHost.findPluginZip();

        try (SimulatedHost host = new SimulatedHost(zip.getParent(), data,
                new InMemoryCrm(Clock.systemUTC()), SETTINGS, Clock.systemUTC())) {
            host.start();
            List<RuleAction> actions = host.actions();

            PluginWrapper plugin = host.pluginManager().getPlugins().get(0);
            assertEquals(PluginState.STARTED, plugin.getPluginState());
            assertTrue(Files.isDirectory(data.resolve(plugin.getPluginId())),
                    "the host made the plugin's context, with its data directory");
            assertEquals(List.of("twitter.send-dm"),
                    actions.stream().map(RuleAction::typeId).toList());
            assertEquals("Send Twitter DM", actions.get(0).displayName());
            assertEquals(List.of(), actions.get(0).validate(Map.of("to", "queue-members",
                    "template", "New case {case.id}: {case.title}")),
                    "an action that got the context validates a good rule");
        }
    }

    @Test
    void zipAloneResolvesInPlainPf4jWithTheActionInItsExtensionIndex(@TempDir Path plugins)
            throws IOException {
        Path zip = SimulatedHost.findPluginZip();
        Files.copy(zip, plugins.resolve(zip.getFileName()));
        DefaultPluginManager pf4j = new DefaultPluginManager(plugins);

        try {
            pf4j.loadPlugins();

            PluginWrapper plugin = pf4j.getPlugins().get(0);
            assertEquals(PluginState.RESOLVED, plugin.getPluginState());
            assertTrue(pf4j.getExtensionClassNames(plugin.getPluginId()).contains(ACTION),
                    "extension index: " + pf4j.getExtensionClassNames(plugin.getPluginId()));
        } finally {
            pf4j.unloadPlugins();
        }
    }
}
