package casebird.harness.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One host instance's network route to the fake X API: a port of its own on 127.0.0.1 that
 * relays each connection byte for byte to the fake (so signatures over the URL still hold).
 * Once {@link #fence() fenced}, as a killed host's connections would be, its open
 * connections are cut and every new one is closed unanswered; the port stays bound, so no
 * later route can take it and receive the fenced instance's calls.
 */
public final class FenceableRoute implements AutoCloseable {

    private static final int BUFFER = 8192;

    private final int targetPort;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean fenced;

    private FenceableRoute(int targetPort, ServerSocket server) {
        this.targetPort = targetPort;
        this.server = server;
        AtomicInteger count = new AtomicInteger();
        int port = server.getLocalPort();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "route-" + port + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a route to the server of {@code target} (any URL on it) on a free local port.
     *
     * @throws UncheckedIOException when no local port can be bound
     */
    public static FenceableRoute open(URI target) {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            FenceableRoute route = new FenceableRoute(target.getPort(), server);
            route.threads.execute(route::acceptLoop);
            return route;
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a route to " + target, e);
        }
    }

    /** The same URL reached through this route: same path and query, this route's port. */
    public URI rebase(URI url) {
        try {
            return new URI(url.getScheme(), url.getUserInfo(), url.getHost(),
                    server.getLocalPort(), url.getPath(), url.getQuery(), url.getFragment());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot rebase " + url, e);
        }
    }

    /** Cuts every open connection; from now on every connection is closed unanswered. */
    public void fence() {
        fenced = true;
        open.forEach(FenceableRoute::closeQuietly);
    }

    /** Frees the port, cuts every connection and waits for the relay's threads. */
    @Override
    public void close() {
        fenced = true;
        closeQuietly(server);
        open.forEach(FenceableRoute::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (fenced) {
                    closeQuietly(client);
                } else {
                    relay(client);
                }
            } catch (IOException e) {
                // accept fails once the server socket is closed: the loop then ends
            }
        }
    }

    private void relay(Socket client) throws IOException {
        open.add(client);
        Socket upstream;
        try {
            upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException e) {
            close(client, client);
            throw e;
        }
        open.add(upstream);
        client.setTcpNoDelay(true);
        upstream.setTcpNoDelay(true);
        threads.execute(() -> pipe(client, upstream));
        threads.execute(() -> pipe(upstream, client));
    }

    /** Copies one direction until it ends or fails, then closes both sockets. */
    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0 && !fenced; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other side or a fence closed the connection: the pair ends here
        } finally {
            close(from, to);
        }
    }

    private void close(Socket one, Socket other) {
        open.remove(one);
        open.remove(other);
        closeQuietly(one);
        closeQuietly(other);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing a socket that is already broken tells nothing more
        }
    }
}
