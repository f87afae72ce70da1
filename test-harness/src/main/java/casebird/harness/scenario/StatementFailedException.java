package casebird.harness.scenario;

/** A statement was carried out and failed; the message says what was expected and seen. */
public final class StatementFailedException extends Exception {

    private final String statement;

    StatementFailedException(String statement, String why) {
        super(why);
        this.statement = statement;
    }

    /** The statement as it was given. */
    public String statement() {
        return statement;
    }
}
