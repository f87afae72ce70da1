package casebird.harness.cli;

import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.ScenarioSyntaxException;
import casebird.harness.scenario.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code run} command: scenario files, each in a fresh world, step by step. */
@Command(name = "run", description = {
    "run scenario files, each in a fresh world (under --api when",
    "a file names no 'api'); prints each step and 'N passed, M",
    "failed'; exit 0 if all pass, 1 if any fails, 2 if a file",
    "does not parse (then no file runs)"})
final class RunCommand implements Callable<Integer> {

    private final HarnessMain main;

    @Mixin
    private ApiOption api;

    @Option(names = "--health",
            description = "print the plugin's last health after each file")
    private boolean health;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "the scenario files")
    private List<String> files;

    RunCommand(HarnessMain main) {
        this.main = main;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path pluginZip = main.pluginZip();
        List<Scenario> scenarios = new ArrayList<>();
        for (String file : files) {
            parse(file, main.err()).ifPresent(scenarios::add);
        }
        if (scenarios.size() < files.size()) {
            return HarnessMain.BAD_INPUT;
        }
        PrintStream out = main.out();
        ScenarioRunner runner = new ScenarioRunner(pluginZip, new ConsoleReporter(out),
                api.api());
        int passed = 0;
        for (Scenario scenario : scenarios) {
            AtomicReference<World> world = new AtomicReference<>();
            passed += runner.run(scenario, world::set) ? 1 : 0;
            if (health) {
                out.println(ConsoleReporter.indent(HealthText.of(
                        world.get().host().flatMap(SimulatedHost::health), Instant.now())));
            }
        }
        int failed = scenarios.size() - passed;
        out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? HarnessMain.OK : HarnessMain.FAILED;
    }

    /** The file's scenario, or empty after printing why it has none to {@code err}. */
    static Optional<Scenario> parse(String file, PrintStream err) throws IOException {
        try {
            return Optional.of(ScenarioParser.parse(Path.of(file)));
        } catch (ScenarioSyntaxException e) {
            err.println(e.getMessage());
        } catch (NoSuchFileException e) {
            err.println(file + ": no such file");
        }
        return Optional.empty();
    }
}
