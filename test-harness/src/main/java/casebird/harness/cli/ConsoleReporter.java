package casebird.harness.cli;

import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.Step;
import java.io.PrintStream;

/** Prints each step of each file as it runs: {@code ok}, or {@code FAILED} and why. */
final class ConsoleReporter implements Reporter {

    private final PrintStream out;

    ConsoleReporter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void fileStarted(Scenario scenario) {
        out.println(scenario.source());
    }

    @Override
    public void stepPassed(Scenario scenario, Step step) {
        out.printf("  ok      %4d  %s%n", step.line(), scenario.text(step));
    }

    @Override
    public void stepFailed(Scenario scenario, Step step, String why) {
        out.printf("  FAILED  %4d  %s%n", step.line(), scenario.text(step));
        out.println(indent(why));
    }

    @Override
    public void fileFailed(Scenario scenario, String why) {
        out.println("  FAILED  " + why);
    }

    static String indent(String text) {
        return "                " + text.replace("\n", "\n                ");
    }
}
