package casebird.harness.scenario;

import java.util.List;

/**
 * A parsed scenario file.
 *
 * @param source the file's name, as messages show it
 * @param lines the file's lines, to print each step as written
 * @param steps its statements in order
 */
public record Scenario(String source, List<String> lines, List<Step> steps) {

    public Scenario {
        lines = List.copyOf(lines);
        steps = List.copyOf(steps);
    }

    /** This scenario up to its first {@code dm} (in a room too) or {@code expect}. */
    public Scenario servedPart() {
        int end = 0;
        while (end < steps.size() && !(steps.get(end) instanceof Step.Dm
                || steps.get(end) instanceof Step.RoomDm
                || steps.get(end) instanceof Step.Expectation)) {
            end++;
        }
        return new Scenario(source, lines, steps.subList(0, end));
    }

    /** The statement's text as written, without surrounding blanks. */
    public String text(Step step) {
        return lines.get(step.line() - 1).strip();
    }
}
