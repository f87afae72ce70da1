package casebird.harness.scenario;

import casebird.harness.host.RuleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Runs parsed scenarios, each in a fresh world, against the real plugin ZIP. */
public final class ScenarioRunner {

    private final Path pluginZip;
    private final Reporter reporter;
    private final ApiVersion defaultApi;

    /** A runner whose worlds speak {@link ApiVersion#DEFAULT} unless a file names an API. */
    public ScenarioRunner(Path pluginZip, Reporter reporter) {
        this(pluginZip, reporter, ApiVersion.DEFAULT);
    }

    /** A runner whose worlds speak {@code defaultApi} unless a file names an API. */
    public ScenarioRunner(Path pluginZip, Reporter reporter, ApiVersion defaultApi) {
        this.pluginZip = pluginZip;
        this.reporter = reporter;
        this.defaultApi = defaultApi;
    }

    /** Runs one scenario in a fresh world; true when every step held. */
    public boolean run(Scenario scenario) throws IOException, InterruptedException {
        return run(scenario, world -> { });
    }

    /** Runs one scenario, letting the caller watch the world before the first step. */
    public boolean run(Scenario scenario, Consumer<World> onWorld)
            throws IOException, InterruptedException {
        reporter.fileStarted(scenario);
        try (World world = World.create(pluginZip, defaultApi)) {
            onWorld.accept(world);
            StepExecutor steps = new StepExecutor(world, reporter);
            for (Step step : scenario.steps()) {
                try {
                    steps.run(step);
                } catch (StepFailure | IOException | RuntimeException e) {
                    reporter.stepFailed(scenario, step, describe(e));
                    return false;
                }
                reporter.stepPassed(scenario, step);
            }
            return actionsRanCleanly(scenario, world);
        }
    }

    /**
     * Builds a live world from the scenario's statements up to its first {@code dm} or
     * {@code expect}, with the plugin started; the caller closes it.
     *
     * @throws IllegalStateException when a statement fails, saying which and why
     */
    public World prepare(Scenario scenario, Consumer<World> onWorld)
            throws IOException, InterruptedException {
        return prepare(World.create(pluginZip, defaultApi), scenario, onWorld);
    }

    /**
     * As {@link #prepare(Scenario, Consumer)} in a given world; a world resumed from its
     * folder skips the scenario's statements and only starts the plugin. The caller closes
     * the world; this closes it when it fails.
     */
    public World prepare(World world, Scenario scenario, Consumer<World> onWorld)
            throws InterruptedException {
        try {
            onWorld.accept(world);
            StepExecutor steps = new StepExecutor(world, reporter);
            for (Step step : world.resumed() ? List.<Step>of()
                    : scenario.servedPart().steps()) {
                try {
                    steps.run(step);
                } catch (StepFailure e) {
                    throw new IllegalStateException("line " + step.line() + ": "
                            + scenario.text(step) + ": " + e.getMessage());
                }
            }
            if (!world.started()) {
                world.start();
                reporter.pluginReady(world);
            }
            return world;
        } catch (IOException e) {
            world.close();
            throw new UncheckedIOException(e);
        } catch (InterruptedException | RuntimeException e) {
            world.close();
            throw e;
        }
    }

    private boolean actionsRanCleanly(Scenario scenario, World world)
            throws InterruptedException {
        RuleManager rules = world.rules();
        if (world.started()) {
            rules.awaitIdle(java.time.Duration.ofSeconds(10));
        }
        if (rules.failures().isEmpty()) {
            return true;
        }
        reporter.fileFailed(scenario, "rule actions failed: " + rules.failures().stream()
                .map(Object::toString).collect(Collectors.joining("; ")));
        return false;
    }

    private static String describe(Exception e) {
        if (e instanceof StepFailure) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
