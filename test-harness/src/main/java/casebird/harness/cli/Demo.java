package casebird.harness.cli;

import casebird.harness.scenario.ApiVersion;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.ScenarioSyntaxException;
import casebird.harness.scenario.Step;
import casebird.harness.scenario.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The {@code demo} command: the seed's story, told as a chat transcript. */
@Command(name = "demo", description = "tell the seed's story as a chat transcript")
final class Demo implements Callable<Integer> {

    static final String RESOURCE = "/casebird/harness/demo.scenario";

    private final HarnessMain main;
    private final PrintStream out;

    @Mixin
    private ApiOption api;

    Demo(HarnessMain main) {
        this.main = main;
        this.out = main.out();
    }

    /** The demo's scenario, bundled in the harness jar. */
    static Scenario scenario() {
        try (InputStream in = Demo.class.getResourceAsStream(RESOURCE)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ScenarioParser.parse("demo.scenario", text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ScenarioSyntaxException e) {
            throw new IllegalStateException("the bundled demo does not parse: " + e.getMessage());
        }
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path pluginZip = main.pluginZip();
        out.println("casebird demo: a support queue works a case over Twitter DMs.");
        out.println("The real plugin ZIP (" + pluginZip.getFileName() + ") runs in a simulated"
                + " CRM host; Twitter is a fake DM API on 127.0.0.1.");
        out.println();
        DemoReporter reporter = new DemoReporter();
        boolean held = new ScenarioRunner(pluginZip, reporter, api.api())
                .run(scenario(), world -> Transcript.attach(out, world));
        out.println();
        if (held) {
            out.println("The story held: every expectation of demo.scenario was met.");
            return HarnessMain.OK;
        }
        main.err().println("The demo failed: " + reporter.failure);
        return HarnessMain.FAILED;
    }

    /** Quiet while the story holds; remembers what broke it. */
    private final class DemoReporter implements Reporter {
        private String failure = "";

        @Override
        public void pluginReady(World world) {
            boolean v2 = world.apiChoice().api() == ApiVersion.V2;
            out.println("Plugin started; the fake X API " + world.apiChoice().api() + " is at "
                    + (v2 ? world.twitter().v2().baseUrl() : world.twitter().baseUrl()));
            out.println();
        }

        @Override
        public void stepFailed(Scenario scenario, Step step, String why) {
            failure = "line " + step.line() + ": " + scenario.text(step) + "\n" + why;
        }

        @Override
        public void fileFailed(Scenario scenario, String why) {
            failure = why;
        }
    }
}
