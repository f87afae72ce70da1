package casebird.harness.console;

import casebird.harness.scenario.ScenarioSyntaxException;
import casebird.harness.scenario.StatementFailedException;
import casebird.harness.scenario.StatementRunner;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Runs the statements the console is sent, one at a time, and remembers how each went. */
final class ConsoleActions {

    private static final int KEPT = 50;

    private final StatementRunner statements;
    private final Clock clock;
    private final Deque<ConsoleState.Action> history = new ArrayDeque<>();

    ConsoleActions(StatementRunner statements, Clock clock) {
        this.statements = statements;
        this.clock = clock;
    }

    /** Runs one scenario statement through the scenario language's own parser and executor. */
    ConsoleState.Action run(String statement) throws InterruptedException {
        String at = clock.instant().toString();
        ConsoleState.Action action;
        try {
            statements.run(statement);
            action = new ConsoleState.Action(at, statement, "done", "done");
        } catch (ScenarioSyntaxException e) {
            action = new ConsoleState.Action(at, statement, "invalid", e.getMessage());
        } catch (StatementFailedException e) {
            action = new ConsoleState.Action(at, statement, "failed", e.getMessage());
        }
        remember(action);
        return action;
    }

    /** The statements run so far (the latest 50), oldest first. */
    synchronized List<ConsoleState.Action> history() {
        return List.copyOf(history);
    }

    private synchronized void remember(ConsoleState.Action action) {
        history.addLast(action);
        if (history.size() > KEPT) {
            history.removeFirst();
        }
    }
}
