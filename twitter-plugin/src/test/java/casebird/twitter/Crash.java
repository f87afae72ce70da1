package casebird.twitter;

/** What a SIGKILL at a step leaves: nothing after it runs; an Error, so no catch retries it. */
final class Crash extends Error {

    private static final long serialVersionUID = 1L;

    Crash(String step) {
        super(step);
    }
}
