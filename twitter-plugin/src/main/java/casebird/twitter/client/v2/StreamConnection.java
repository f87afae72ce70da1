package casebird.twitter.client.v2;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * An open X Activity API stream: one line per event, a bare {@code \r\n} as keep-alive.
 * Every read waits at most the silence its opener gave, then throws
 * {@link java.net.SocketTimeoutException}; {@link #close()} (from any thread) drops the
 * connection, so a read blocked in it ends at once.
 */
public final class StreamConnection implements AutoCloseable {

    /** Far longer than any event: a DM of 10,000 characters escaped as JSON fits easily. */
    static final int MAX_LINE = 512 * 1024;

    private final InputStream in;
    private final Runnable disconnect;
    private volatile boolean closed;

    StreamConnection(InputStream in, Runnable disconnect) {
        this.in = new BufferedInputStream(in);
        this.disconnect = disconnect;
    }

    /**
     * The next line without its line end: empty for a keep-alive.
     *
     * @throws EOFException when X ended the stream
     * @throws IOException when the connection failed, went silent or was closed
     */
    public String nextLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException(closed ? "the stream was closed" : "X ended the stream");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("a stream line is longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    /** Drops the connection; a read blocked on it ends with an exception. */
    @Override
    public void close() {
        closed = true;
        disconnect.run();
    }
}
