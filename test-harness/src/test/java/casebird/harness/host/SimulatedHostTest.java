package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.rule.RuleAction;
import casebird.api.rule.RuleEvent;
import casebird.harness.crm.InMemoryCrm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/** The host against a fixture plugin built in the test, independent of the real plugin. */
class SimulatedHostTest {

    @TempDir
    Path plugins;
    @TempDir
    Path data;

    private final InMemoryCrm crm = new InMemoryCrm(Clock.systemUTC());

    @Test
    void pluginStartsWithTheContextAndItsOwnDataDirectory() throws IOException {
        FixturePluginZip.write(plugins, ">=1.0.0");

        try (SimulatedHost host = host(Map.of())) {
            host.start();

            Path dataDirectory = data.resolve(FixturePluginZip.PLUGIN_ID);
            assertEquals("started in " + dataDirectory, host.health().orElseThrow().detail());
            assertTrue(Files.isDirectory(dataDirectory));
        }
    }

    @Test
    void extensionComesFromThePluginLoaderAndSharesThePluginsContext() throws IOException {
        FixturePluginZip.write(plugins, ">=1.0.0");

        try (SimulatedHost host = host(Map.of())) {
            host.start();
            List<RuleAction> actions = host.actions();
            actions.get(0).execute(event(), Map.of());

            assertEquals(List.of("fixture.echo"),
                    actions.stream().map(RuleAction::typeId).toList());
            assertNotSame(getClass().getClassLoader(), actions.get(0).getClass().getClassLoader());
            assertEquals("extension shares the plugin's context: true",
                    host.health().orElseThrow().detail());
        }
    }

    @Test
    void stopCallsThePluginsStop() throws IOException {
        FixturePluginZip.write(plugins, ">=1.0.0");

        try (SimulatedHost host = host(Map.of())) {
            host.start();
            host.stop();

            assertEquals("stopped", host.health().orElseThrow().detail());
            assertEquals(PluginState.STOPPED,
                    host.pluginManager().getPlugin(FixturePluginZip.PLUGIN_ID).getPluginState());
        }
    }

    @Test
    void startFailsWithThePluginsReason() throws IOException {
        FixturePluginZip.write(plugins, ">=1.0.0");

        try (SimulatedHost host = host(Map.of("fail-start", "yes"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, host::start);

            assertTrue(e.getMessage().contains("asked to fail"), e.getMessage());
        }
    }

    @Test
    void startFailsForPluginRequiringANewerHost() throws IOException {
        FixturePluginZip.write(plugins, ">=2.0.0");

        try (SimulatedHost host = host(Map.of())) {
            IllegalStateException e = assertThrows(IllegalStateException.class, host::start);

            assertTrue(e.getMessage().contains(FixturePluginZip.PLUGIN_ID), e.getMessage());
        }
    }

    @Test
    void hostUnpacksAPrivateCopyAndLeavesThePluginsFolderAlone() throws IOException {
        Path zip = FixturePluginZip.write(plugins, ">=1.0.0");

        try (SimulatedHost host = host(Map.of())) {
            host.start();
        }

        try (Stream<Path> files = Files.list(plugins)) {
            assertEquals(List.of(zip), files.toList());
        }
    }

    @Test
    void pluginsFolderWithoutAZipIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> host(Map.of()));

        assertTrue(e.getMessage().contains("found 0"), e.getMessage());
    }

    private SimulatedHost host(Map<String, String> settings) {
        return new SimulatedHost(plugins, data, crm, settings, Clock.systemUTC());
    }

    private static RuleEvent event() {
        CrmCase kase = new CrmCase(1, "t", CaseStatus.OPEN, Optional.empty(), Optional.empty(),
                List.of());
        return new RuleEvent("e1", RuleEvent.Type.CASE_CLOSED, Instant.EPOCH, kase, "actor");
    }
}
