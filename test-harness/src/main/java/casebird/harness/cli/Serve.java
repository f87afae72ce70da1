package casebird.harness.cli;

import casebird.harness.console.ConsoleServer;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.World;
import casebird.harness.twitter.TwitterAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The {@code serve} command: a live world a developer can DM from any OAuth 1.0a client. */
@Command(name = "serve", description = {
    "build the world from FILE (default: the demo's) up to its first",
    "dm or expect statement, start the plugin, print the fake API's",
    "URL, every account's OAuth credentials and the web console's",
    "URL, and keep running, printing each DM, until Ctrl-C; Enter",
    "prints the plugin's health"})
final class Serve implements Callable<Integer> {

    private final HarnessMain main;
    private final PrintStream out;
    private final PrintStream err;

    @Option(names = "--world", paramLabel = "DIR", description = {
        "keep the whole world (CRM and its journal, fake Twitter, rules,",
        "plugin data) in DIR, every change on disk before it is",
        "acknowledged; started again on DIR, serve carries on from it",
        "and skips the scenario's setup"})
    private Path folder;

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
        Path pluginZip = main.pluginZip();
        Optional<Scenario> parsed = file == null ? Optional.of(Demo.scenario())
                : RunCommand.parse(file, err);
        if (parsed.isEmpty()) {
            return HarnessMain.BAD_INPUT;
        }
        Scenario scenario = parsed.get();
        World world;
        try {
            ScenarioRunner runner = new ScenarioRunner(pluginZip, new Reporter() { });
            world = folder == null ? runner.prepare(scenario, w -> Transcript.attach(out, w))
                    : runner.prepare(World.open(pluginZip, folder), scenario,
                            w -> Transcript.attach(out, w));
        } catch (IllegalStateException e) {
            err.println("serve could not build the world: " + e.getMessage());
            return HarnessMain.FAILED;
        }
        ConsoleServer console = ConsoleServer.start(world, new SecureRandom(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            console.close();
            world.close();
            stopped.countDown();
        }, "casebird-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        printCredentials(world);
        out.println("Watch and drive the world in a browser: " + console.url());
        out.println();
        printHealthOnEnter(world);
        stopped.await();
        return HarnessMain.OK;
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

    /** Prints where the fake API (and, with push, the webhook) is and every credential. */
    void printCredentials(World world) {
        out.println();
        out.println("Serving. The fake Twitter API is at " + world.twitter().baseUrl());
        out.println("consumer key:    " + world.twitter().consumerKey());
        out.println("consumer secret: " + world.twitter().consumerSecret());
        for (TwitterAccount account : world.twitter().accounts()) {
            String role = account.id() == world.bot().id() ? "  (the bot)" : "";
            out.printf("@%-16s id %-12d token %s  secret %s%s%n", account.screenName(),
                    account.id(), account.accessToken(), account.accessTokenSecret(), role);
        }
        world.twitter().webhookUrls().forEach(url ->
                out.println("The plugin's webhook (push is on): " + url));
        out.println("DM the bot (POST direct_messages/events/new.json, recipient_id "
                + world.bot().id() + ") as any account above. Enter prints the plugin's"
                + " health; Ctrl-C stops.");
        out.println();
    }
}
