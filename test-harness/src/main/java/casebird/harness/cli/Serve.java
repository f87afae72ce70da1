package casebird.harness.cli;

import casebird.harness.console.ConsoleServer;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.ForeignApi;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.World;
import casebird.harness.scenario.WorldCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code serve} command: a live world a developer can DM, at the fake or a real X. */
@Command(name = "serve", description = {
    "build the world from FILE (default: the demo's) up to its first",
    "dm or expect statement, start the plugin, print the fake API's",
    "URL, every account's credentials and the web console's URL, and",
    "keep running, printing each DM, until Ctrl-C; Enter prints the",
    "plugin's health. With --twitter-api and --credentials the plugin",
    "calls that X API instead (e.g. x.com with a test account)"})
final class Serve implements Callable<Integer> {

    private final HarnessMain main;
    private final PrintStream out;
    private final PrintStream err;

    @Spec
    private CommandSpec spec;

    @Mixin
    private ApiOption api;

    @Option(names = "--world", paramLabel = "DIR", description = {
        "keep the whole world (CRM and its journal, fake Twitter,",
        "rules, plugin data) in DIR, every change on disk before it",
        "is acknowledged; started again on DIR, serve carries on",
        "from it and skips the scenario's setup"})
    private Path folder;

    @Option(names = "--twitter-api", paramLabel = "URL", description = {
        "the X API the plugin calls instead of the built-in fake:",
        "https://api.x.com/ (v2), https://api.twitter.com/1.1/",
        "(v1.1); needs --credentials, and a FILE with no statement",
        "acting on the fake (twitter, dm, fault, deliver, limit,",
        "crash, expect dm...)"})
    private URI twitterApi;

    @Option(names = "--credentials", paramLabel = "SETTINGS", description = {
        "a properties file of plugin settings for --twitter-api,",
        "laid over the scenario's: api, auth, client-id,",
        "client-secret, oauth2-refresh-token, bot-account, or the",
        "four OAuth 1.0a keys; its values are never printed"})
    private Path credentials;

    @Parameters(arity = "0..1", paramLabel = "FILE", description = "the scenario to serve")
    private String file;

    Serve(HarnessMain main) {
        this.main = main;
        this.out = main.out();
        this.err = main.err();
    }

    /** Serves the scenario's world, kept in {@code folder} when that is not null. */
    @Override
    public Integer call() throws IOException, InterruptedException {
        Optional<ForeignApi> foreign = foreignApi();
        Optional<Scenario> parsed = scenario(foreign.isPresent());
        if (parsed.isEmpty()) {
            return HarnessMain.BAD_INPUT;
        }
        Optional<World> built = build(parsed.get(), foreign);
        if (built.isEmpty()) {
            return HarnessMain.FAILED;
        }
        World world = built.get();
        Optional<ConsoleServer> console = foreign.isPresent() ? Optional.empty()
                : Optional.of(ConsoleServer.start(world, new SecureRandom(), Clock.systemUTC()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.ifPresent(ConsoleServer::close);
            world.close();
            stopped.countDown();
        }, "casebird-serve-shutdown"));
        printWhereToReach(world, foreign);
        console.ifPresent(c -> {
            out.println("Watch and drive the world in a browser: " + c.url());
            out.println();
        });
        printHealthOnEnter(world);
        stopped.await();
        return HarnessMain.OK;
    }

    /**
     * The world served with the plugin started, or empty after saying on standard error
     * why it could not be built; the caller closes it.
     */
    Optional<World> build(Scenario scenario, Optional<ForeignApi> foreign)
            throws IOException, InterruptedException {
        Path pluginZip = main.pluginZip();
        World fresh = folder == null ? World.create(pluginZip, api.api())
                : World.open(pluginZip, folder, api.api());
        foreign.ifPresent(fresh::useForeignApi);
        try {
            return Optional.of(new ScenarioRunner(pluginZip, new Reporter() { }, api.api())
                    .prepare(fresh, scenario, w -> Transcript.attach(out, w)));
        } catch (IllegalStateException e) {
            err.println("serve could not build the world: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The API named by {@code --twitter-api} with the {@code --credentials} settings, if any.
     *
     * @throws ParameterException when only one is given, the URL is not one, or the file
     *     cannot be read
     */
    Optional<ForeignApi> foreignApi() throws IOException {
        if ((twitterApi == null) != (credentials == null)) {
            throw new ParameterException(spec.commandLine(), "--twitter-api and --credentials"
                    + " go together: the plugin needs settings to reach the bot there");
        }
        if (twitterApi == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ForeignApiFile.read(twitterApi, credentials));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        } catch (NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), "--credentials: no such file "
                    + credentials);
        }
    }

    /**
     * FILE's scenario (default: the demo's part serve builds), or empty after saying on
     * standard error why: FILE does not parse, or it acts on the fake while serve does not
     * use it.
     */
    Optional<Scenario> scenario(boolean foreign) throws IOException {
        Optional<Scenario> parsed = file == null ? Optional.of(foreign
                ? Demo.scenario().servedPart() : Demo.scenario()) : RunCommand.parse(file, err);
        List<String> refused = foreign ? parsed.map(FakeOnlyStatements::in).orElse(List.of())
                : List.of();
        if (refused.isEmpty()) {
            return parsed;
        }
        err.println(parsed.get().source() + ": serve --twitter-api cannot carry out"
                + " statements that act on the built-in fake X API (its accounts, DMs,"
                + " faults and meters); remove them:");
        refused.forEach(line -> err.println("  " + line));
        return Optional.empty();
    }

    /** Prints how to reach the world: the fake's URL and credentials, or the foreign API. */
    void printWhereToReach(World world, Optional<ForeignApi> foreign) {
        List<String> lines = foreign.map(f -> ForeignApiFile.lines(world, f, credentials))
                .orElseGet(() -> WorldCredentials.lines(world));
        lines.forEach(out::println);
    }

    /** Prints the plugin's health for each line read from standard input, until it ends. */
    private void printHealthOnEnter(World world) throws IOException {
        BufferedReader in = new BufferedReader(
                new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
            out.println(HealthText.of(world.host().flatMap(SimulatedHost::health),
                    Instant.now()));
        }
    }
}
