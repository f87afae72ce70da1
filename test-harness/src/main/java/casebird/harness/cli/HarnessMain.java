package casebird.harness.cli;

import casebird.harness.bench.BenchCommand;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.ScenarioSyntaxException;
import casebird.harness.scenario.World;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The harness's command line: {@code demo}, {@code run FILE...}, {@code serve [FILE]},
 * {@code bench}, {@code workload}.
 */
public final class HarnessMain {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = String.join("\n",
            "usage: java -jar casebird-harness.jar [--plugin ZIP] COMMAND",
            "",
            "Runs the casebird Twitter plugin ZIP in a simulated CRM host against a fake",
            "Twitter DM API on 127.0.0.1, scripted by scenario files (see SCENARIOS.md).",
            "",
            "commands:",
            "  demo            tell the seed's story as a chat transcript",
            "  run FILE...     run scenario files, each in a fresh world; prints each step and",
            "                  'N passed, M failed'; exit 0 if all pass, 1 if any fails, 2 if",
            "                  a file does not parse (then no file runs)",
            "  run --health FILE...",
            "                  the same, printing the plugin's last health after each file",
            "  serve [FILE]    build the world from FILE (default: the demo's) up to its first",
            "                  dm or expect statement, start the plugin, print the fake API's",
            "                  URL, every account's OAuth credentials and the web console's",
            "                  URL, and keep running, printing each DM, until Ctrl-C; Enter",
            "                  prints the plugin's health",
            BenchCommand.USAGE,
            "  workload --world DIR [--seed N]",
            "                  drive a seeded stream of 200 case dispatches and ~700 agent",
            "                  commands through the world in DIR, carrying on where a killed",
            "                  run stopped; prints the figures; exit 0 when every command took",
            "                  effect exactly once and every notice arrived",
            "  --help          print this text",
            "",
            "options:",
            "  --plugin ZIP    the plugin ZIP to load (default: the one the build put in",
            "                  plugins/ beside this jar)",
            "  --world DIR     (serve, workload) keep the whole world (CRM and its journal,",
            "                  fake Twitter, rules, plugin data) in DIR, every change on disk",
            "                  before it is acknowledged; started again on DIR, the harness",
            "                  carries on from it (serve then skips the scenario's setup)");

    private final PrintStream out;
    private final PrintStream err;

    HarnessMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("demo") || List.of(args).contains("bench")) {
            // The reader wants the chat or the table, not the audit log; set before any logger.
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        System.exit(new HarnessMain(System.out, System.err).execute(args));
    }

    /** Runs the command line and returns the exit status. */
    int execute(String[] args) throws IOException, InterruptedException {
        List<String> rest = new ArrayList<>(List.of(args));
        Path pluginZip = null;
        if (rest.size() >= 2 && rest.get(0).equals("--plugin")) {
            pluginZip = Path.of(rest.get(1));
            rest = rest.subList(2, rest.size());
        }
        if (rest.isEmpty() || rest.get(0).equals("--help") || rest.get(0).equals("-h")) {
            (rest.isEmpty() ? err : out).println(USAGE);
            return rest.isEmpty() ? BAD_INPUT : OK;
        }
        String command = rest.get(0);
        List<String> files = new ArrayList<>(rest.subList(1, rest.size()));
        Path world = option(files, "--world").map(Path::of).orElse(null);
        Optional<String> seed = option(files, "--seed");
        if (!List.of("demo", "run", "serve", "bench", "workload").contains(command)) {
            err.println("unknown command '" + command + "'\n\n" + USAGE);
            return BAD_INPUT;
        }
        if (pluginZip == null) {
            pluginZip = SimulatedHost.findPluginZip();
        } else if (!Files.isRegularFile(pluginZip)) {
            err.println("no plugin ZIP at " + pluginZip);
            return BAD_INPUT;
        }
        switch (command) {
            case "demo": return new Demo(out, err, pluginZip).run();
            case "run": return run(files, pluginZip);
            case "bench": return new BenchCommand(out, err, pluginZip).run(files);
            case "serve": return new Serve(out, err, pluginZip).run(files, world);
            default: return workload(world, seed, pluginZip);
        }
    }

    private int workload(Path world, Optional<String> seed, Path pluginZip)
            throws IOException, InterruptedException {
        if (world == null) {
            err.println("workload needs --world DIR\n\n" + USAGE);
            return BAD_INPUT;
        }
        try {
            long parsed = seed.map(Long::parseLong).orElse(1L);
            return new WorkloadCommand(out, err, pluginZip).run(world, parsed);
        } catch (NumberFormatException e) {
            err.println("--seed needs a whole number: " + seed.get());
            return BAD_INPUT;
        }
    }

    /** Removes {@code name VALUE} from the arguments and returns the value, if given. */
    private static Optional<String> option(List<String> args, String name) {
        int at = args.indexOf(name);
        if (at < 0 || at + 1 >= args.size()) {
            return Optional.empty();
        }
        String value = args.get(at + 1);
        args.subList(at, at + 2).clear();
        return Optional.of(value);
    }

    private int run(List<String> args, Path pluginZip) throws IOException, InterruptedException {
        boolean health = !args.isEmpty() && args.get(0).equals("--health");
        List<String> files = health ? args.subList(1, args.size()) : args;
        if (files.isEmpty()) {
            err.println("run needs at least one scenario file\n\n" + USAGE);
            return BAD_INPUT;
        }
        List<Scenario> scenarios = parseAll(files);
        if (scenarios == null) {
            return BAD_INPUT;
        }
        ScenarioRunner runner = new ScenarioRunner(pluginZip, new ConsoleReporter(out));
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
        return failed == 0 ? OK : FAILED;
    }

    /** Every file parsed, or null after printing each one's problem. */
    List<Scenario> parseAll(List<String> files) throws IOException {
        List<Scenario> scenarios = new ArrayList<>();
        boolean allParsed = true;
        for (String file : files) {
            try {
                scenarios.add(ScenarioParser.parse(Path.of(file)));
            } catch (ScenarioSyntaxException e) {
                err.println(e.getMessage());
                allParsed = false;
            } catch (NoSuchFileException e) {
                err.println(file + ": no such file");
                allParsed = false;
            }
        }
        return allParsed ? scenarios : null;
    }
}
