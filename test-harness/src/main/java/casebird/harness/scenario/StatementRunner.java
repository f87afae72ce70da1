package casebird.harness.scenario;

import java.io.IOException;

/**
 * Carries out scenario statements given one at a time against a live world (e.g. from the
 * web console), through the same parser and executor as a scenario file's statements.
 */
public final class StatementRunner {

    private static final String SOURCE = "statement";

    private final StepExecutor steps;

    /** A runner for the world; it starts the plugin at the first statement that needs it. */
    public StatementRunner(World world) {
        this.steps = new StepExecutor(world, new Reporter() { });
    }

    /**
     * Parses one statement and carries it out, one statement at a time; returns once it is
     * done (an {@code expect} once it held).
     *
     * @throws ScenarioSyntaxException when the text is not exactly one statement of the
     *     scenario language; nothing was done
     * @throws StatementFailedException when the statement was carried out and failed, or an
     *     expectation did not hold; the message says why
     */
    public synchronized void run(String statement)
            throws ScenarioSyntaxException, StatementFailedException, InterruptedException {
        if (statement.contains("\n") || statement.contains("\r")) {
            throw new ScenarioSyntaxException(SOURCE, 1, 1,
                    "one statement on one line; write a line break in a message as \\n");
        }
        Scenario parsed = ScenarioParser.parse(SOURCE, statement);
        if (parsed.steps().isEmpty()) {
            throw new ScenarioSyntaxException(SOURCE, 1, 1, "expected a statement");
        }
        try {
            steps.run(parsed.steps().get(0));
        } catch (StepFailure e) {
            throw new StatementFailedException(statement, e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new StatementFailedException(statement,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
