package casebird.twitter.push;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.StreamConnection;
import casebird.twitter.config.Durations;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the X Activity API's persistent stream on a thread of its own
 * ({@code casebird-stream}, a daemon): a blank line is a keep-alive, any other line an
 * event for the {@link Listener}. No byte for the silence limit means the connection is
 * dead: it is closed and opened again, after a full-jitter backoff and within the
 * endpoint's rate limit. {@link #stop} closes the connection, so a blocked read ends at
 * once, and joins the thread.
 */
final class ActivityStreamReader implements Runnable {

    /** Where the reader reports; called on the reader's thread. */
    interface Listener {
        /** A connection is open: what was sent while none was should be read now. */
        void connected();

        /** No connection, for that reason; the reader tries again on its own. */
        void down(String why);

        /** One event line (JSON). */
        void event(String line);
    }

    static final String THREAD_NAME = "casebird-stream";
    private static final Logger LOG = LoggerFactory.getLogger(ActivityStreamReader.class);

    private final ActivityApi api;
    private final ApiBudget budget;
    private final Duration silence;
    private final Backoff backoff;
    private final Clock clock;
    private final Listener listener;
    private final Object lock = new Object();
    private volatile boolean running = true;
    private StreamConnection connection;
    private Thread thread;

    ActivityStreamReader(ActivityApi api, ApiBudget budget, Duration silence, Backoff backoff,
            Clock clock, Listener listener) {
        this.api = api;
        this.budget = budget;
        this.silence = silence;
        this.backoff = backoff;
        this.clock = clock;
        this.listener = listener;
    }

    /** Starts the reader's thread, once. */
    synchronized void start() {
        if (thread == null && running) {
            thread = new Thread(this, THREAD_NAME);
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** Whether the reader's thread was started. */
    synchronized boolean started() {
        return thread != null;
    }

    /** Ends the reader: closes its connection, wakes it and waits up to {@code wait} for it. */
    void stop(Duration wait) {
        Thread reader;
        synchronized (this) {
            running = false;
            reader = thread;
        }
        synchronized (lock) {
            if (connection != null) {
                connection.close();
            }
            lock.notifyAll();
        }
        if (reader != null) {
            try {
                reader.join(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (reader.isAlive()) {
                LOG.warn("the stream reader did not end within {} of stop", wait);
            }
        }
    }

    @Override
    public void run() {
        int failures = 0;
        while (running) {
            StreamConnection open;
            try {
                open = budget.call(Endpoint.ACTIVITY_STREAM, () -> api.openStream(silence));
            } catch (BudgetSpentException e) {
                listener.down("the stream's rate limit is spent; reconnecting at "
                        + budget.readyAt(Endpoint.ACTIVITY_STREAM));
                pause(Duration.between(clock.instant(), budget.readyAt(Endpoint.ACTIVITY_STREAM)));
                continue;
            } catch (TwitterApiException e) {
                listener.down("the stream could not be opened: " + e.getMessage());
                pause(backoff.delayAfter(++failures));
                continue;
            } catch (RuntimeException e) {
                LOG.error("opening the stream failed unexpectedly", e);
                listener.down("the stream could not be opened: " + e);
                pause(backoff.delayAfter(++failures));
                continue;
            }
            if (!hold(open)) {
                break;
            }
            failures = 0;
            listener.connected();
            String why = read(open);
            synchronized (lock) {
                connection = null;
            }
            open.close();
            if (!running) {
                break;
            }
            LOG.warn("{}; reconnecting", why);
            listener.down(why);
            pause(backoff.delayAfter(++failures));
        }
    }

    /** Keeps the connection for {@link #stop} to close; false, and closed, when stopping. */
    private boolean hold(StreamConnection open) {
        synchronized (lock) {
            if (!running) {
                open.close();
                return false;
            }
            connection = open;
            return true;
        }
    }

    /** Reads lines until the connection ends; returns why it ended. */
    private String read(StreamConnection open) {
        try {
            while (running) {
                String line = open.nextLine();
                if (!line.isBlank()) {
                    listener.event(line);
                }
            }
            return "the stream was closed";
        } catch (SocketTimeoutException e) {
            return "the stream sent nothing for " + Durations.words(silence)
                    + " (stream-silence), so it counts as dead";
        } catch (IOException e) {
            return "the stream dropped: " + e.getMessage();
        } catch (RuntimeException e) {
            LOG.error("an event of the stream could not be handled", e);
            return "an event of the stream could not be handled: " + e;
        }
    }

    private void pause(Duration wait) {
        long millis = Math.max(1, wait.toMillis());
        long until = System.nanoTime() + millis * 1_000_000;
        synchronized (lock) {
            long left = millis;
            while (running && left > 0) {
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                    return;
                }
                left = (until - System.nanoTime()) / 1_000_000;
            }
        }
    }
}
