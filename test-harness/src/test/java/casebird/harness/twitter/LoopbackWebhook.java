package casebird.harness.twitter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * A small webhook on 127.0.0.1 written as X's docs say: it answers CRC challenges with the
 * app's secret (unless told not to) and keeps each delivery, as verified when its signature
 * checks out and as refused otherwise, answering deliveries with a settable status.
 */
public final class LoopbackWebhook implements AutoCloseable {

    /** The bodies of deliveries whose signature checked out, in order. */
    public final List<String> verified = new CopyOnWriteArrayList<>();
    /** The bodies of deliveries signed otherwise, in order. */
    public final List<String> refused = new CopyOnWriteArrayList<>();
    /** The status deliveries get. */
    public final AtomicInteger deliveryStatus = new AtomicInteger(200);
    /** Whether CRC challenges get an answer (otherwise 400). */
    public volatile boolean answerCrc = true;

    private final Supplier<String> secret;
    private final HttpServer server;

    /** Starts a webhook at {@link #url()} checking with the secret {@code secret} gives. */
    public LoopbackWebhook(Supplier<String> secret) throws IOException {
        this.secret = secret;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                0), 0);
        server.createContext("/hook", this::answer);
        server.start();
    }

    /** Where the webhook listens, {@code http://127.0.0.1:PORT/hook}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        byte[] answer = new byte[0];
        int status = 400;
        if (query != null && query.startsWith("crc_token=")) {
            if (answerCrc) {
                answer = ("{\"response_token\":\"" + WebhookSender.sign(secret.get(),
                        query.substring("crc_token=".length())) + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                status = 200;
            }
        } else if (exchange.getRequestMethod().equals("POST")) {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String signature = exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE);
            (WebhookSender.sign(secret.get(), body).equals(signature) ? verified : refused)
                    .add(body);
            status = deliveryStatus.get();
        }
        exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
