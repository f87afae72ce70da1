package casebird.twitter.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what the test logger (slf4j-simple, writing to System.err) prints during a run. */
public final class LogCapture {

    private LogCapture() {}

    /** Runs the action and returns every log line printed meanwhile. */
    public static synchronized String during(Runnable action) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
