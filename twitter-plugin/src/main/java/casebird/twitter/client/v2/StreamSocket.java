package casebird.twitter.client.v2;

import com.google.common.io.ByteStreams;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * One HTTP/1.1 GET over a socket of its own, for the X Activity API's endless stream.
 *
 * <p>Not {@link java.net.HttpURLConnection}: its chunked body locks each read, and
 * {@code disconnect()} from another thread waits for that lock, so a read blocked on a
 * silent stream could not be ended. Closing this socket ends a blocked read at once.
 * HTTPS checks the server's certificate and host name as the JDK's defaults say.
 */
final class StreamSocket {

    private static final int MAX_HEAD = 64 * 1024;
    private static final int MAX_ERROR_BODY = 1024 * 1024;

    private StreamSocket() {}

    /** An opened GET: the head of its answer, and the open socket and body on a 200. */
    record Opened(HttpAnswer head, Socket socket, InputStream body) {}

    /**
     * Connects, sends the GET and reads the answer's head; a status other than 200 is read
     * whole (bounded) and the socket closed.
     *
     * @param silence how long each read of the socket may wait
     */
    static Opened get(URI uri, Map<String, String> headers, Duration connectTimeout,
            Duration silence, java.util.function.Consumer<Socket> opened) throws IOException {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() != -1 ? uri.getPort() : tls ? 443 : 80;
        Socket socket = tls ? SSLSocketFactory.getDefault().createSocket() : new Socket();
        opened.accept(socket);
        try {
            socket.connect(new InetSocketAddress(uri.getHost(), port),
                    (int) Math.max(1, connectTimeout.toMillis()));
            socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE,
                    silence.toMillis())));
            if (socket instanceof SSLSocket ssl) {
                SSLParameters params = ssl.getSSLParameters();
                params.setEndpointIdentificationAlgorithm("HTTPS");
                params.setServerNames(List.of(new SNIHostName(uri.getHost())));
                ssl.setSSLParameters(params);
                ssl.startHandshake();
            }
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("GET ").append(uri.getRawPath())
                    .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                    .append(" HTTP/1.1\r\nHost: ").append(uri.getHost())
                    .append(uri.getPort() == -1 ? "" : ":" + uri.getPort()).append("\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value)
                    .append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = status(line(in));
            Map<String, String> answerHeaders = new HashMap<>();
            long headBytes = 0;
            for (String h = line(in); !h.isEmpty(); h = line(in)) {
                headBytes += h.length() + 2;
                if (headBytes > MAX_HEAD) {
                    throw new IOException("the answer's head is longer than " + MAX_HEAD
                            + " bytes");
                }
                int colon = h.indexOf(':');
                if (colon > 0) {
                    answerHeaders.putIfAbsent(h.substring(0, colon).trim()
                            .toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
                }
            }
            InputStream body = body(in, answerHeaders);
            if (status != 200) {
                byte[] error = body.readNBytes(MAX_ERROR_BODY);
                socket.close();
                return new Opened(new HttpAnswer(status, answerHeaders, error), null, null);
            }
            return new Opened(new HttpAnswer(status, answerHeaders, new byte[0]), socket, body);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    private static InputStream body(InputStream in, Map<String, String> headers) {
        if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            return new Chunked(in);
        }
        String length = headers.get("content-length");
        if (length != null && length.trim().matches("\\d{1,12}")) {
            return ByteStreams.limit(in, Long.parseLong(length.trim()));
        }
        return in;
    }

    private static int status(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/") || !parts[1].matches("\\d{3}")) {
            throw new IOException("not an HTTP answer: " + line);
        }
        return Integer.parseInt(parts[1]);
    }

    /** One line of the head, without its line end. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the answer ended in its head");
            }
            if (line.size() >= MAX_HEAD) {
                throw new IOException("an answer's head line is longer than " + MAX_HEAD
                        + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    /** A chunked body, decoded; the last (empty) chunk ends it. */
    private static final class Chunked extends InputStream {
        private final InputStream in;
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                try {
                    left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon))
                            .trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("a malformed chunk size: " + size, e);
                }
                if (left < 0) {
                    throw new IOException("a malformed chunk size: " + size);
                }
                if (left == 0) {
                    done = true;
                    return -1;
                }
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the stream ended inside a chunk");
            }
            left -= n;
            if (left == 0) {
                line(in);
            }
            return n;
        }
    }
}
