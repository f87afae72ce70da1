package casebird.harness.twitter;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The app's open {@code GET /2/activity/stream} connections: each a chunked answer that
 * never ends by itself, one compact JSON event a line ending {@code \r\n}, and a bare
 * {@code \r\n} keep-alive after every {@link #keepAlive} without an event. At most two
 * connections per app. Scripted faults close streams ({@link #drop}) or silence them
 * ({@link #stall}); {@link #close} ends every stream and waits for their threads.
 */
final class ActivityStreams implements AutoCloseable {

    /** X's limit of simultaneous stream connections per app. */
    static final int MAX_CONNECTIONS = 2;
    /** How often an idle stream gets a keep-alive unless told otherwise. */
    static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(10);
    private static final Object END = new Object();
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.UTF_8);

    /** One open stream; a stalled one gets nothing, keep-alives included. */
    static final class Connection {
        private final BlockingQueue<Object> signals = new LinkedBlockingQueue<>();
        private boolean stalled;
        private boolean ended;

        private void end() {
            ended = true;
            signals.add(END);
        }
    }

    private final List<Connection> open = new ArrayList<>();
    private Duration keepAlive = DEFAULT_KEEP_ALIVE;
    private int dropsPending;
    private boolean stallPending;
    private boolean closed;

    /** Sets the keep-alive interval for every stream from its next idle wait. */
    synchronized void keepAlive(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("a keep-alive interval must be positive");
        }
        keepAlive = interval;
    }

    private synchronized Duration keepAlive() {
        return keepAlive;
    }

    /**
     * Admits a new connection: stalled streams, which their client has given up on, end
     * first; a pending fault applies to it.
     *
     * @throws XaaProblem 429 {@code TooManyConnections} when two streams are open already,
     *     503 when the fake is stopping
     */
    synchronized Connection admit() {
        if (closed) {
            throw XaaProblem.titled(503, "Service Unavailable", "The server is stopping.");
        }
        open.stream().filter(c -> c.stalled).forEach(Connection::end);
        if (open.stream().filter(c -> !c.ended).count() >= MAX_CONNECTIONS) {
            throw XaaProblem.titled(429, "TooManyConnections", "This app already has "
                    + MAX_CONNECTIONS + " connections open to the stream.");
        }
        Connection connection = new Connection();
        open.add(connection);
        if (stallPending) {
            stallPending = false;
            connection.stalled = true;
        } else if (dropsPending > 0) {
            dropsPending--;
            connection.end();
        }
        return connection;
    }

    /**
     * Serves an admitted connection on the calling thread until it ends: the fake closes
     * it, the client goes away, or the thread is interrupted.
     */
    void serve(HttpExchange exchange, Connection connection, Map<String, String> headers)
            throws IOException {
        try {
            headers.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (true) {
                Object signal = connection.signals.poll(keepAlive().toMillis(),
                        TimeUnit.MILLISECONDS);
                if (signal == END) {
                    break;
                }
                if (!stalled(connection)) {
                    if (signal != null) {
                        out.write(((String) signal).getBytes(StandardCharsets.UTF_8));
                    }
                    out.write(CRLF);
                    out.flush();
                }
            }
            out.close();
        } catch (IOException gone) {
            // the client closed the connection: nothing more to send
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended(connection);
            exchange.close();
        }
    }

    /** Sends one event line to every open, unstalled stream; how many it went to. */
    synchronized int publish(String event) {
        int sent = 0;
        for (Connection connection : open) {
            if (!connection.ended && !connection.stalled) {
                connection.signals.add(event);
                sent++;
            }
        }
        return sent;
    }

    /** Whether a stream is open and not stalled. */
    synchronized boolean connected() {
        return open.stream().anyMatch(c -> !c.ended && !c.stalled);
    }

    /**
     * Closes the open streams, which counts as one of {@code times}, and each of the next
     * connections, once connected, until {@code times} are used up.
     */
    synchronized void drop(int times) {
        if (times < 1) {
            throw new IllegalArgumentException("a drop happens at least once");
        }
        List<Connection> live = open.stream().filter(c -> !c.ended && !c.stalled).toList();
        live.forEach(Connection::end);
        dropsPending += live.isEmpty() ? times : times - 1;
    }

    /** Silences the open streams, or the next connection if none is open. */
    synchronized void stall() {
        List<Connection> live = open.stream().filter(c -> !c.ended && !c.stalled).toList();
        live.forEach(c -> c.stalled = true);
        stallPending = live.isEmpty();
    }

    private synchronized boolean stalled(Connection connection) {
        return connection.stalled;
    }

    private synchronized void ended(Connection connection) {
        connection.ended = true;
        open.remove(connection);
        notifyAll();
    }

    /** Ends every stream and waits up to 5 s for them to finish; no new one is admitted. */
    @Override
    public synchronized void close() {
        closed = true;
        open.forEach(Connection::end);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!open.isEmpty() && System.nanoTime() < deadline) {
            try {
                TimeUnit.NANOSECONDS.timedWait(this, deadline - System.nanoTime());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
