package casebird.harness.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twitter's side of the webhooks: CRC checks (answered within 3 s or failed) and signed
 * deliveries, each failed attempt retried along a schedule ({@link #TWITTER_RETRIES}: 1 s,
 * 2 s and 4 s later, Twitter's minutes read as seconds), with scripted
 * {@link WebhookFault}s and a log of attempts and of deliveries given up.
 */
final class WebhookSender implements AutoCloseable {

    /** What became of one delivery attempt: the webhook's status, 0 for none, -1 dropped. */
    record Attempt(long eventId, URI url, int status) {}

    static final String SIGNATURE = "x-twitter-webhooks-signature";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    /** Twitter's retries of a failed delivery, its minutes read as seconds. */
    static final List<Duration> TWITTER_RETRIES =
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));

    private final List<Duration> retries;

    private final String consumerSecret;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            r -> {
                Thread thread = new Thread(r, "fake-twitter-webhooks");
                thread.setDaemon(true);
                return thread;
            });
    private final FaultQueue<WebhookFault> faults = new FaultQueue<>(WebhookFault::times);
    private final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final List<Long> givenUp = new CopyOnWriteArrayList<>();

    /** A sender retrying a failed delivery after each of {@code retries} in turn. */
    WebhookSender(String consumerSecret, List<Duration> retries) {
        this.consumerSecret = consumerSecret;
        this.retries = List.copyOf(retries);
    }

    /** Runs {@code task} every {@code interval} on the sender's thread, e.g. CRC checks. */
    void every(Duration interval, Runnable task) {
        scheduler.scheduleWithFixedDelay(task, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void addFault(WebhookFault fault) {
        faults.add(fault);
    }

    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** The event ids whose delivery failed on every attempt, in the order given up. */
    List<Long> givenUp() {
        return List.copyOf(givenUp);
    }

    /** Whether the webhook answered a fresh CRC challenge correctly within 3 s. */
    boolean crcCheck(URI url) {
        String token = RandomTokens.next(24);
        try {
            HttpURLConnection call = open(URI.create(url + "?crc_token=" + token), "GET");
            try (InputStream in = call.getInputStream()) {
                JsonNode body = TwitterJson.MAPPER.readTree(in);
                return call.getResponseCode() == 200 && sign(consumerSecret, token)
                        .equals(body.path("response_token").asText());
            } finally {
                call.disconnect();
            }
        } catch (IOException e) {
            return false;
        }
    }

    /** Delivers a body to a webhook in the background, retrying failed attempts. */
    void deliver(long eventId, URI url, String body) {
        deliver(eventId, url, body, () -> { });
    }

    /** As {@link #deliver(long, URI, String)}, running {@code givenUp} if every attempt fails. */
    void deliver(long eventId, URI url, String body, Runnable givenUp) {
        scheduler.execute(() -> attempt(new Delivery(eventId, url, body, givenUp), 0));
    }

    /** Posts a body signed with another secret, as a forger would; the webhook's status. */
    int postForged(URI url, String body) {
        return post(url, body, sign("forged-" + consumerSecret, body));
    }

    /**
     * Asks the webhook's CRC answer to sign {@code body} (sent as the {@code crc_token}) and
     * posts the body with whatever {@code response_token} came back, as an attacker would.
     *
     * @return the CRC answer's status, then the post's (0 for no answer)
     */
    List<Integer> postCrcSigned(URI url, String body) {
        int crcStatus = 0;
        String signature = "sha256=";
        try {
            HttpURLConnection call = open(URI.create(url + "?crc_token="
                    + URLEncoder.encode(body, StandardCharsets.UTF_8)), "GET");
            crcStatus = call.getResponseCode();
            if (crcStatus == 200) {
                try (InputStream in = call.getInputStream()) {
                    signature = TwitterJson.MAPPER.readTree(in).path("response_token").asText();
                }
            }
            call.disconnect();
        } catch (IOException e) {
            crcStatus = 0;
        }
        return List.of(crcStatus, post(url, body, signature));
    }

    /** Posts a body signed with the app's secret, as Twitter would; the webhook's status. */
    int postSigned(URI url, String body) {
        return post(url, body, sign(consumerSecret, body));
    }

    /** One event's delivery to one webhook, and what to do when it is given up. */
    private record Delivery(long eventId, URI url, String body, Runnable givenUp) {}

    private void attempt(Delivery delivery, int retried) {
        long eventId = delivery.eventId();
        URI url = delivery.url();
        WebhookFault fault = faults.take(f -> true).orElse(null);
        WebhookFault.Kind kind = fault == null ? null : fault.kind();
        if (kind == WebhookFault.Kind.DROP) {
            attempts.add(new Attempt(eventId, url, -1));
        } else if (kind == WebhookFault.Kind.FAIL) {
            attempts.add(new Attempt(eventId, url, fault.status()));
            retry(delivery, retried);
        } else if (kind == WebhookFault.Kind.DELAY) {
            scheduler.schedule(() -> send(delivery, retried, 1),
                    fault.delay().toMillis(), TimeUnit.MILLISECONDS);
        } else {
            send(delivery, retried, kind == null ? 1 : fault.copies());
        }
    }

    private void send(Delivery delivery, int retried, int copies) {
        String signature = sign(consumerSecret, delivery.body());
        int status = 0;
        for (int i = 0; i < copies; i++) {
            status = post(delivery.url(), delivery.body(), signature);
            attempts.add(new Attempt(delivery.eventId(), delivery.url(), status));
        }
        if (status < 200 || status > 299) {
            retry(delivery, retried);
        }
    }

    private void retry(Delivery delivery, int retried) {
        if (retried < retries.size()) {
            scheduler.schedule(() -> attempt(delivery, retried + 1),
                    retries.get(retried).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            givenUp.add(delivery.eventId());
            delivery.givenUp().run();
        }
    }

    private int post(URI url, String body, String signature) {
        try {
            HttpURLConnection call = open(url, "POST");
            call.setDoOutput(true);
            call.setRequestProperty("Content-Type", "application/json");
            call.setRequestProperty(SIGNATURE, signature);
            try (OutputStream out = call.getOutputStream()) {
                out.write(body.getBytes(StandardCharsets.UTF_8));
            }
            int status = call.getResponseCode();
            call.disconnect();
            return status;
        } catch (IOException e) {
            return 0;
        }
    }

    /** A connection that gives up after 3 s, Twitter's limit for a webhook's answer. */
    private static HttpURLConnection open(URI url, String method) throws IOException {
        HttpURLConnection call = (HttpURLConnection) url.toURL().openConnection();
        call.setRequestMethod(method);
        call.setConnectTimeout((int) TIMEOUT.toMillis());
        call.setReadTimeout((int) TIMEOUT.toMillis());
        return call;
    }

    /** {@code sha256=} and the base64 HMAC-SHA256 of the text under the secret. */
    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + Base64.getEncoder().encodeToString(
                    mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no HmacSHA256", e);
        }
    }

    /** Stops the sender's thread; deliveries not yet made are dropped. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
