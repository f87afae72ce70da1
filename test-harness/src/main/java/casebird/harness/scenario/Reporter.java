package casebird.harness.scenario;

/** Hears how a scenario run goes, step by step. */
public interface Reporter {

    /** A file is about to run. */
    default void fileStarted(Scenario scenario) {}

    /** A step held, or was carried out. */
    default void stepPassed(Scenario scenario, Step step) {}

    /** A step failed; {@code why} says what was expected and what was seen. */
    default void stepFailed(Scenario scenario, Step step, String why) {}

    /** The world failed outside any step (e.g. a rule action threw). */
    default void fileFailed(Scenario scenario, String why) {}

    /** The host and plugin have started and the plugin answered its first poll. */
    default void pluginReady(World world) {}
}
