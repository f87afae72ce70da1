package casebird.harness.cli;

import casebird.harness.bench.BenchCommand;
import casebird.harness.host.SimulatedHost;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The harness's command line: {@code demo}, {@code run FILE...}, {@code serve [FILE]},
 * {@code bench}, {@code workload}, {@code authorize}; exit status 0 for success, 1 for a
 * failure, 2 for bad input.
 */
@Command(name = "java -jar casebird-harness.jar", synopsisSubcommandLabel = "COMMAND",
        commandListHeading = "%ncommands:%n", description = {
            "Runs the casebird Twitter plugin ZIP in a simulated CRM host against a fake",
            "Twitter DM API on 127.0.0.1, scripted by scenario files (see SCENARIOS.md).",
            "`COMMAND --help` describes one command."})
public final class HarnessMain implements Callable<Integer> {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_INPUT = 2;

    /** The commands whose reader wants the chat or the table, not the audit log. */
    private static final Set<String> QUIET = Set.of("demo", "bench");

    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    @Option(names = "--plugin", paramLabel = "ZIP", scope = ScopeType.INHERIT,
            description = {"the plugin ZIP to load (default: the one the build put in",
                "plugins/ beside this jar)"})
    private Path plugin;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT,
            description = "print this text")
    private boolean help;

    HarnessMain(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        HarnessMain main = new HarnessMain(System.out, System.err);
        CommandLine line = main.commandLine();
        line.setExecutionStrategy(parsed -> {
            if (parsed.subcommand() != null && QUIET.contains(parsed.subcommand().commandSpec()
                    .name())) {
                // Set before any logger exists: the simple logger reads it once.
                System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        System.exit(line.execute(args));
    }

    /** Runs the command line and returns the exit status. */
    int execute(String[] args) {
        return commandLine().execute(args);
    }

    /** Without a command: the usage on standard error, and bad input. */
    @Override
    public Integer call() {
        spec.commandLine().usage(err);
        return BAD_INPUT;
    }

    private CommandLine commandLine() {
        CommandLine line = new CommandLine(this)
                .addSubcommand(new Demo(this))
                .addSubcommand(new RunCommand(this))
                .addSubcommand(new Serve(this))
                .addSubcommand(new BenchCommand(out, err, this::pluginZip))
                .addSubcommand(new WorkloadCommand(this))
                .addSubcommand(new Authorize(this, System::getenv, new SecureRandom()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler(new UsageErrors());
        line.setSeparator(" ");
        Stream.concat(Stream.of(line), line.getSubcommands().values().stream())
                .map(command -> command.getCommandSpec().usageMessage())
                .forEach(usage -> usage.synopsisHeading("usage: ")
                        .parameterListHeading("%narguments:%n")
                        .optionListHeading("%noptions:%n"));
        line.setUsageHelpWidth(88);
        CommandList.install(line);
        return line;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /**
     * The ZIP named by {@code --plugin}, or the one the build put beside the jar.
     *
     * @throws ParameterException when {@code --plugin} names no file
     */
    Path pluginZip() {
        if (plugin == null) {
            return SimulatedHost.findPluginZip();
        }
        if (!Files.isRegularFile(plugin)) {
            throw new ParameterException(spec.commandLine(), "no plugin ZIP at " + plugin);
        }
        return plugin;
    }
}
