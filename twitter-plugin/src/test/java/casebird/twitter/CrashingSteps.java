package casebird.twitter;

/** Counts the steps a run passes while armed and crashes at the chosen one. */
final class CrashingSteps {

    private final int crashAt;
    private boolean armed;
    private int passed;

    CrashingSteps(int crashAt) {
        this.crashAt = crashAt;
    }

    void arm() {
        armed = true;
    }

    void disarm() {
        armed = false;
    }

    /** Passes one step, or crashes there when it is the chosen one. */
    void pass(String step) {
        if (armed && ++passed == crashAt) {
            throw new Crash(step);
        }
    }
}
