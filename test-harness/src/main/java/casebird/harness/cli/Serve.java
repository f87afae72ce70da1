package casebird.harness.cli;

import casebird.harness.console.ConsoleServer;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.ScenarioSyntaxException;
import casebird.harness.scenario.World;
import casebird.harness.twitter.TwitterAccount;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** The {@code serve} command: a live world a developer can DM from any OAuth 1.0a client. */
final class Serve {

    private final PrintStream out;
    private final PrintStream err;
    private final Path pluginZip;

    Serve(PrintStream out, PrintStream err, Path pluginZip) {
        this.out = out;
        this.err = err;
        this.pluginZip = pluginZip;
    }

    /** Serves the scenario's world, kept in {@code folder} when that is not null. */
    int run(List<String> files, Path folder) throws IOException, InterruptedException {
        if (files.size() > 1) {
            err.println("serve takes at most one scenario file\n\n" + HarnessMain.USAGE);
            return HarnessMain.BAD_INPUT;
        }
        Scenario scenario;
        try {
            scenario = files.isEmpty() ? Demo.scenario() : ScenarioParser.parse(Path.of(files.get(0)));
        } catch (ScenarioSyntaxException e) {
            err.println(e.getMessage());
            return HarnessMain.BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println(files.get(0) + ": no such file");
            return HarnessMain.BAD_INPUT;
        }
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
