package casebird.harness.scenario;

/** A step did not hold; the message says what was expected and what was seen. */
final class StepFailure extends Exception {

    StepFailure(String message) {
        super(message);
    }
}
