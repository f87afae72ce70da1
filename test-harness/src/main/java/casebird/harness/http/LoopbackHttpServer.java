package casebird.harness.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The JDK's HTTP server on a free port of 127.0.0.1 with a pool of daemon threads of its
 * own, which {@link #close()} stops and waits for: the fake API, the host and the console
 * each serve through one.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    static {
        // The JDK server writes an answer's headers and body apart; without TCP_NODELAY
        // each exchange then waits out the client's delayed ACK (about 40 ms on Linux).
        // Read once, when the JDK's server configuration loads: before any HttpServer.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    private LoopbackHttpServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Binds a free port and serves {@code root} at {@code /} on {@code threads} daemon
     * threads named {@code threadName-1}, {@code threadName-2}...; {@link #start()} opens it.
     *
     * @throws IOException when no port can be bound
     */
    public static LoopbackHttpServer bind(String threadName, int threads, HttpHandler root)
            throws IOException {
        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger count = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, threadName + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.createContext("/", root);
        server.setExecutor(executor);
        return new LoopbackHttpServer(server, executor);
    }

    /** The JDK server, to add contexts to before {@link #start()}. */
    public HttpServer server() {
        return server;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts answering requests. */
    public void start() {
        server.start();
    }

    /** Stops answering and waits up to 5 s for the server's threads. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
