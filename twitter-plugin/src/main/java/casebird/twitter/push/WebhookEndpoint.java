package casebird.twitter.push;

import casebird.api.web.WebHandler;
import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.inbox.DirectMessagePoller;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook Twitter calls: {@code GET ?crc_token=} is answered with the CRC response
 * when the token is shaped like Twitter's (anything else would make the answer a signing
 * oracle for forged deliveries); a {@code POST} is a delivery, accepted only when its
 * signature matches its raw body and its DM events are not replays of old ones, then
 * queued whole for the plugin's own thread. Anything else is refused with a status saying
 * why, and changes nothing.
 */
public final class WebhookEndpoint implements WebHandler {

    /** The largest delivery read; a DM of 10,000 characters escaped as JSON fits easily. */
    static final int MAX_BODY = 512 * 1024;
    static final String SIGNATURE = "x-twitter-webhooks-signature";
    /** Twitter's CRC tokens: short base64 or base64url text, never JSON or a body. */
    private static final Pattern CRC_TOKEN = Pattern.compile("[A-Za-z0-9+/=_-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger(WebhookEndpoint.class);

    private final WebhookSignature signature;
    private final PushMonitor monitor;
    private final Duration maxAge;
    private final Clock clock;
    private final DeliveryQueue deliveries;

    /**
     * An endpoint that queues each genuine, fresh delivery on {@code deliveries}.
     *
     * @param maxAge how old a delivered DM event may be; one older is refused as a replay
     *     (and so is one older than the poller's memory of handled events)
     */
    public WebhookEndpoint(WebhookSignature signature, PushMonitor monitor, Duration maxAge,
            Clock clock, DeliveryQueue deliveries) {
        this.signature = signature;
        this.monitor = monitor;
        this.maxAge = maxAge;
        this.clock = clock;
        this.deliveries = deliveries;
    }

    @Override
    public WebResponse handle(WebRequest request) {
        try {
            return switch (request.method()) {
                case "GET" -> crc(request);
                case "POST" -> delivery(request);
                default -> WebResponse.text(405, "only GET (CRC) and POST (deliveries)");
            };
        } catch (RuntimeException e) {
            LOG.error("webhook request failed; it had no effect", e);
            return WebResponse.text(500, "the webhook failed; nothing was done");
        }
    }

    private WebResponse crc(WebRequest request) {
        Optional<String> token = Optional.ofNullable(request.query().get("crc_token"));
        if (token.isEmpty()) {
            return WebResponse.text(400, "crc_token is missing");
        }
        if (!CRC_TOKEN.matcher(token.get()).matches()) {
            LOG.warn("CRC check refused: its crc_token is not shaped like Twitter's");
            return WebResponse.text(400, "crc_token must be 1 to 128 characters of"
                    + " [A-Za-z0-9+/=_-]");
        }
        return WebResponse.json(200, "{\"response_token\":\""
                + signature.crcResponse(token.get()) + "\"}");
    }

    private WebResponse delivery(WebRequest request) {
        byte[] body;
        try {
            body = request.body().readNBytes(MAX_BODY + 1);
        } catch (IOException e) {
            return WebResponse.text(400, "the body could not be read: " + e.getMessage());
        }
        if (body.length > MAX_BODY) {
            return WebResponse.text(413, "the body is over " + MAX_BODY + " bytes");
        }
        Optional<String> header = request.header(SIGNATURE);
        if (header.isEmpty()) {
            return WebResponse.text(401, SIGNATURE + " is missing");
        }
        if (!signature.signs(body, header.get())) {
            LOG.warn("webhook delivery refused: its signature does not match its body");
            return WebResponse.text(403, SIGNATURE + " does not match the body");
        }
        Delivery delivery;
        try {
            delivery = DeliveryJson.parse(new String(body, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return WebResponse.text(400, e.getMessage());
        }
        return admit(delivery);
    }

    /** Queues a genuine delivery unless it is a replay of an old one or the queue is full. */
    private WebResponse admit(Delivery delivery) {
        Duration age = maxAge.compareTo(DirectMessagePoller.KEEP_PROCESSED) < 0
                ? maxAge : DirectMessagePoller.KEEP_PROCESSED;
        Instant oldest = clock.instant().minus(age);
        Optional<DmEvent> stale = delivery.events().stream()
                .filter(e -> e.createdAt().isBefore(oldest)).findFirst();
        if (stale.isPresent()) {
            LOG.warn("webhook delivery refused: DM event {} is older than {}, a replay",
                    stale.get().id(), age);
            return WebResponse.text(400, "DM event " + stale.get().id() + " was created at "
                    + stale.get().createdAt() + ", over " + age + " ago: a replay");
        }
        if (!deliveries.offer(delivery)) {
            return WebResponse.text(503, "too many deliveries are waiting; try again later");
        }
        monitor.heard();
        return WebResponse.text(200, "");
    }
}
