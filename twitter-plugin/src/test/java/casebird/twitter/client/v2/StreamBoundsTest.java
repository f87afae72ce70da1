package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What a stream that never behaves does to the reader: a line that never ends and an
 * answer head that never ends each fail the read after a bounded number of bytes (no
 * unbounded buffer, so no OutOfMemoryError), however long the other side goes on.
 */
class StreamBoundsTest {

    /** Endless bytes of one kind, counting how many were read. */
    private static final class Endless extends InputStream {
        private final byte[] pattern;
        private final AtomicLong read = new AtomicLong();

        Endless(String pattern) {
            this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
        }

        @Override
        public int read() {
            return pattern[(int) (read.getAndIncrement() % pattern.length)];
        }
    }

    @Test
    void aLineThatNeverEndsFailsOnceItPassesTheBound() {
        Endless endless = new Endless("a");
        StreamConnection stream = new StreamConnection(endless, () -> { });

        IOException e = assertThrows(IOException.class, stream::nextLine);

        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
        assertTrue(endless.read.get() <= StreamConnection.MAX_LINE + 8192 + 1,
                "read " + endless.read.get() + " bytes");
    }

    @Test
    void linesUnderTheBoundAreReadAndKeepAlivesAreEmpty() throws IOException {
        StreamConnection stream = new StreamConnection(new java.io.ByteArrayInputStream(
                "\r\n{\"data\":{}}\r\n".getBytes(StandardCharsets.UTF_8)), () -> { });

        assertEquals("", stream.nextLine());
        assertEquals("{\"data\":{}}", stream.nextLine());
    }

    @Test
    void anAnswerHeadThatNeverEndsFailsOnceItPassesTheBound() throws Exception {
        AtomicLong sent = new AtomicLong();
        try (ServerSocket server = new ServerSocket(0)) {
            Thread writer = new Thread(() -> {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                    for (long i = 0; ; i++) {
                        byte[] header = ("X-Header-" + i + ": v\r\n")
                                .getBytes(StandardCharsets.US_ASCII);
                        out.write(header);
                        sent.addAndGet(header.length);
                    }
                } catch (IOException closed) {
                    // the reader gave up and closed the connection
                }
            }, "endless-head");
            writer.setDaemon(true);
            writer.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/2/activity/stream");

            IOException e = assertThrows(IOException.class, () -> StreamSocket.get(uri, Map.of(),
                    Duration.ofSeconds(5), Duration.ofSeconds(5), socket -> { }));

            assertTrue(e.getMessage().contains("head"), e.getMessage());
            writer.join(10_000);
        }
    }

    @Test
    void aNegativeChunkSizeIsAFailedStreamNotAnUnexpectedError() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) {
            Thread writer = new Thread(() -> {
                try (Socket client = server.accept(); OutputStream out = client.getOutputStream()) {
                    out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                            + "-5\r\nabcde\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    client.getInputStream().read();
                } catch (IOException closed) {
                    // the reader closed the connection
                }
            }, "negative-chunk");
            writer.setDaemon(true);
            writer.start();
            URI uri = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/2/activity/stream");
            StreamSocket.Opened opened = StreamSocket.get(uri, Map.of(), Duration.ofSeconds(5),
                    Duration.ofSeconds(5), socket -> { });
            StreamConnection stream = new StreamConnection(opened.body(), () -> { });
            try {
                IOException e = assertThrows(IOException.class, stream::nextLine);

                assertTrue(e.getMessage().contains("chunk size"), e.getMessage());
            } finally {
                opened.socket().close();
            }
            writer.join(10_000);
        }
    }
}
