package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpRetryException;
import java.net.HttpURLConnection;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes HTTP calls with the JDK's {@link HttpURLConnection}, each bounded by the connect and
 * read timeouts, and aborts the calls in flight on {@link #close()}.
 *
 * <p>Not {@code java.net.http.HttpClient}: on JDK 17 it keeps a selector thread alive and
 * has no {@code close()}, so a stopped plugin would leave a thread (and its class loader)
 * behind. A call that gets no answer (refused, timed out, aborted) throws a
 * {@link TwitterApiException} with status -1, which callers treat as retryable.
 */
public final class ApiHttp implements AutoCloseable {

    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final int connectMillis;
    private final int readMillis;
    private final Set<HttpURLConnection> inFlight = ConcurrentHashMap.newKeySet();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Creates a caller whose every call waits at most these long to connect and to read. */
    public ApiHttp(Duration connectTimeout, Duration readTimeout) {
        this.connectMillis = millis(connectTimeout);
        this.readMillis = millis(readTimeout);
    }

    /**
     * Sends one request and reads its whole answer, whatever its status.
     *
     * @param body sent only when not empty
     * @throws TwitterApiException with status -1 when no complete answer came
     */
    HttpAnswer exchange(String method, URI uri, Map<String, String> headers, byte[] body) {
        String call = method + " " + uri.getPath();
        if (closed) {
            throw noAnswer(call, "the client is closed", null);
        }
        HttpURLConnection connection = null;
        try {
            connection = (HttpURLConnection) uri.toURL().openConnection();
            inFlight.add(connection);
            if (closed) {
                throw new IOException("the client was closed");
            }
            connection.setConnectTimeout(connectMillis);
            connection.setReadTimeout(readMillis);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestMethod(method);
            headers.forEach(connection::setRequestProperty);
            if (body.length > 0) {
                // Streamed: a buffered POST that gets no answer is sent again by the JDK
                // (sun.net.http.retryPost), which would send a DM twice.
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            return answer(connection);
        } catch (HttpRetryException e) {
            // A streamed request answered 401 (or a redirect) surfaces this way, status only.
            return new HttpAnswer(e.responseCode(), Map.of(), new byte[0]);
        } catch (IOException e) {
            if (connection != null) {
                connection.disconnect();
            }
            throw noAnswer(call, e.toString(), e);
        } finally {
            if (connection != null) {
                inFlight.remove(connection);
            }
        }
    }

    /**
     * Opens a GET whose answer is read as it arrives, each read waiting at most
     * {@code silence}, over a socket of its own ({@link StreamSocket}); an answer other than
     * 200 is read whole and returned without a body stream. The open stream counts as in
     * flight until it is closed, so {@link #close()} ends it too.
     *
     * @throws TwitterApiException with status -1 when no answer came
     */
    Streamed stream(URI uri, Map<String, String> headers, Duration silence) {
        String call = "GET " + uri.getPath();
        if (closed) {
            throw noAnswer(call, "the client is closed", null);
        }
        Socket[] socket = new Socket[1];
        try {
            StreamSocket.Opened opened = StreamSocket.get(uri, headers,
                    Duration.ofMillis(connectMillis), silence, s -> {
                        socket[0] = s;
                        openSockets.add(s);
                    });
            if (opened.socket() == null) {
                openSockets.remove(socket[0]);
                return new Streamed(opened.head(), null);
            }
            if (closed) {
                throw new IOException("the client was closed");
            }
            Socket open = opened.socket();
            return new Streamed(opened.head(), new StreamConnection(opened.body(), () -> {
                openSockets.remove(open);
                closeQuietly(open);
            }));
        } catch (IOException e) {
            if (socket[0] != null) {
                openSockets.remove(socket[0]);
                closeQuietly(socket[0]);
            }
            throw noAnswer(call, e.toString(), e);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException alreadyGone) {
            // Closing is all that was wanted.
        }
    }

    /**
     * A streamed answer: its status and headers, and when it is 200 its open body.
     *
     * @param head the status and headers (the whole body when not 200)
     * @param body the open body of a 200, else null
     */
    record Streamed(HttpAnswer head, StreamConnection body) {}

    /** Aborts the calls in flight and refuses new ones. */
    @Override
    public void close() {
        closed = true;
        inFlight.forEach(HttpURLConnection::disconnect);
        openSockets.forEach(ApiHttp::closeQuietly);
    }

    private static HttpAnswer answer(HttpURLConnection connection) throws IOException {
        int status = connection.getResponseCode();
        Map<String, String> headers = headers(connection);
        InputStream stream = status >= 400 ? connection.getErrorStream()
                : connection.getInputStream();
        if (stream == null) {
            return new HttpAnswer(status, headers, new byte[0]);
        }
        try (InputStream in = stream) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new HttpAnswer(status, headers, body);
        }
    }

    private static Map<String, String> headers(HttpURLConnection connection) {
        Map<String, String> headers = new HashMap<>();
        for (Map.Entry<String, List<String>> h : connection.getHeaderFields().entrySet()) {
            if (h.getKey() != null && !h.getValue().isEmpty()) {
                headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue().get(0));
            }
        }
        return headers;
    }

    private static TwitterApiException noAnswer(String call, String why, Throwable cause) {
        return new TwitterApiException(call + " got no answer: " + why, -1, -1,
                OptionalLong.empty(), cause);
    }

    private static int millis(Duration timeout) {
        return (int) Math.min(Integer.MAX_VALUE, Math.max(1, timeout.toMillis()));
    }
}
