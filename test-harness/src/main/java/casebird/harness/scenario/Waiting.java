package casebird.harness.scenario;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until it holds or time runs out. */
final class Waiting {

    private static final long POLL_MILLIS = 20;

    private Waiting() {}

    /** Whether the condition held within the timeout; checks at least once. */
    static boolean until(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
