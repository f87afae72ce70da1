package casebird.twitter.push;

import casebird.api.web.WebHandler;
import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.twitter.twitter.DeliveryJson;
import casebird.twitter.twitter.DeliveryJson.Delivery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook Twitter calls: {@code GET ?crc_token=} is answered with the CRC response
 * when the token is shaped like Twitter's (anything else would make the answer a signing
 * oracle for forged deliveries); a {@code POST} is a delivery, accepted only when its signature matches its raw body and
 * then handed over whole (the handling runs on the plugin's own thread). Anything else is
 * refused with a status saying why, and changes nothing.
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
    private final Consumer<Delivery> deliveries;

    /** An endpoint that hands each genuine delivery to {@code deliveries}. */
    public WebhookEndpoint(WebhookSignature signature, PushMonitor monitor,
            Consumer<Delivery> deliveries) {
        this.signature = signature;
        this.monitor = monitor;
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
        monitor.heard();
        deliveries.accept(delivery);
        return WebResponse.text(200, "");
    }
}
