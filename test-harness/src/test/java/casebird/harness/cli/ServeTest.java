package casebird.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.World;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What {@code serve} prints for a client to reach its world. */
class ServeTest {

    @Test
    void withPushOnServePrintsTheWebhookUrl() throws Exception {
        Path zip = SimulatedHost.findPluginZip();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Serve serve = new Serve(new HarnessMain(
                new PrintStream(printed, true, StandardCharsets.UTF_8), System.err));
        try (World world = new ScenarioRunner(zip, new Reporter() { }).prepare(
                ScenarioParser.parse("push", "api v1.1\ndelivery push\nuser alice twitter=@alice_t"),
                w -> { })) {
            serve.printWhereToReach(world, Optional.empty());

            List<URI> webhooks = world.twitter().webhookUrls();
            assertEquals(1, webhooks.size());
            String out = printed.toString(StandardCharsets.UTF_8);
            assertTrue(out.contains("The plugin's webhook (push is on): " + webhooks.get(0)),
                    out);
        }
    }
}
