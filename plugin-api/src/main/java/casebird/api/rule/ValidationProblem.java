package casebird.api.rule;

/** One thing wrong with a rule action's settings, naming the setting it is about. */
public record ValidationProblem(String parameter, String message) {

    @Override
    public String toString() {
        return parameter + ": " + message;
    }
}
