package casebird.harness.scenario;

import java.nio.file.Path;

/** A scenario file does not follow the grammar; the message names file, line and column. */
public final class ScenarioSyntaxException extends Exception {

    private final int line;
    private final int column;

    ScenarioSyntaxException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        this.line = line;
        this.column = column;
    }

    ScenarioSyntaxException(Path source, int line, int column, String problem) {
        this(source.toString(), line, column, problem);
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
