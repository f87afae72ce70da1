package casebird.harness.console;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Keeps the plugin's latest audit lines: the harness's logger writes them to standard
 * error, so this puts a tee there that passes everything on and remembers those lines.
 */
final class AuditTap implements AutoCloseable {

    private static final String MARK = "dm event=";
    private static final int KEPT = 200;

    private final PrintStream previous;
    private final PrintStream tee;
    private final Deque<String> lines = new ArrayDeque<>();

    private AuditTap(PrintStream previous) {
        this.previous = previous;
        this.tee = new PrintStream(new LineTee(), true, StandardCharsets.UTF_8);
    }

    /** Starts keeping the audit lines written to standard error from now on. */
    static AuditTap install() {
        AuditTap tap = new AuditTap(System.err);
        System.setErr(tap.tee);
        return tap;
    }

    /** The audit lines kept, oldest first (at most the latest 200). */
    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    private synchronized void keep(String line) {
        int at = line.indexOf(MARK);
        if (at >= 0 && line.contains("audit")) {
            lines.addLast(line.substring(at).strip());
            if (lines.size() > KEPT) {
                lines.removeFirst();
            }
        }
    }

    /** Puts the previous standard error back, unless someone replaced the tee since. */
    @Override
    public void close() {
        if (System.err == tee) {
            System.setErr(previous);
        }
    }

    /** Passes bytes on to the previous stream and hands each complete line to the tap. */
    private final class LineTee extends OutputStream {
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        @Override
        public synchronized void write(int b) {
            previous.write(b);
            scan(b);
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            previous.write(bytes, offset, length);
            for (int i = offset; i < offset + length; i++) {
                scan(bytes[i]);
            }
        }

        private void scan(int b) {
            if (b == '\n') {
                keep(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }

        @Override
        public void flush() {
            previous.flush();
        }
    }
}
