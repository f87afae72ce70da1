package casebird.harness.twitter;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The app's X API v2 webhook (at most one, as X's default tier allows): checked by CRC
 * when created and when re-validated, {@code valid} while its latest CRC passed and no
 * delivery to it was given up. X takes only HTTPS URLs without a port; the fake also takes
 * loopback URLs over http with a port, since a test cannot own port 443.
 */
final class V2Webhooks {

    /** A webhook of the app. */
    record Hook(String id, URI url, boolean valid, Instant createdAt) {
        Hook withValid(boolean now) {
            return new Hook(id, url, now, createdAt);
        }
    }

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost");

    private final Clock clock;
    private final WebhookSender sender;
    private Hook hook;
    private long nextId = 1_862_899_000_000_000_001L;

    V2Webhooks(Clock clock, WebhookSender sender) {
        this.clock = clock;
        this.sender = sender;
    }

    /** {@code POST /2/webhooks}: the URL rule, then a CRC, then the webhook. */
    ApiResponse create(ApiRequest request) {
        URI url = usable(XaaJson.body(request).path("url").asText(""));
        synchronized (this) {
            if (hook != null) {
                throw XaaProblem.titled(400, "TooManyWebhooks", "This app already has a"
                        + " webhook (at most 1): delete it first.");
            }
        }
        if (!sender.crcCheck(url)) {
            throw XaaProblem.invalid("CRC validation failed");
        }
        Hook created;
        synchronized (this) {
            created = new Hook(Long.toString(nextId++), url, true, clock.instant());
            hook = created;
        }
        return ApiResponse.json(V2Json.data(XaaJson.webhook(created)));
    }

    /** {@code GET /2/webhooks}. */
    ApiResponse list() {
        return ApiResponse.json(XaaJson.list(find().stream().map(XaaJson::webhook).toList()));
    }

    /** {@code PUT /2/webhooks/:id}: a new CRC, whose result becomes {@code valid}. */
    ApiResponse revalidate(String id) {
        Hook current = require(id);
        boolean valid = sender.crcCheck(current.url());
        synchronized (this) {
            if (hook != null && hook.id().equals(id)) {
                hook = hook.withValid(valid);
            }
        }
        return ApiResponse.json(V2Json.data(TwitterJson.MAPPER.createObjectNode()
                .put("valid", valid)));
    }

    /** {@code DELETE /2/webhooks/:id}. */
    synchronized ApiResponse delete(String id) {
        require(id);
        hook = null;
        return ApiResponse.json(XaaJson.deleted());
    }

    /** The webhook, if the app has one. */
    synchronized Optional<Hook> find() {
        return Optional.ofNullable(hook);
    }

    /** The webhook with that id, if it exists. */
    synchronized Optional<Hook> find(String id) {
        return find().filter(h -> h.id().equals(id));
    }

    /** Marks the webhook invalid, as X does once a delivery failed on every retry. */
    synchronized void invalidate(String id) {
        if (hook != null && hook.id().equals(id)) {
            hook = hook.withValid(false);
        }
    }

    private synchronized Hook require(String id) {
        return find(id).orElseThrow(() -> XaaProblem.of(404, "resource-not-found",
                "No webhook of this app has the id " + id));
    }

    /** The URL if X's rule (or the loopback concession) allows it. */
    static URI usable(String text) {
        URI url;
        try {
            url = new URI(text);
        } catch (URISyntaxException e) {
            throw XaaProblem.invalid("url is not a URL: '" + text + "'");
        }
        String scheme = Optional.ofNullable(url.getScheme()).orElse("")
                .toLowerCase(Locale.ROOT);
        String host = Optional.ofNullable(url.getHost()).orElse("").toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw XaaProblem.invalid("url must be an absolute https URL: '" + text + "'");
        }
        if (LOOPBACK.contains(host)) {
            return url;
        }
        if (!scheme.equals("https")) {
            throw XaaProblem.invalid("url must use https: '" + text + "'");
        }
        if (url.getPort() != -1) {
            throw XaaProblem.invalid("url must not name a port (X calls port 443): '"
                    + text + "'");
        }
        return url;
    }

    /** Every webhook, as a list (empty or one). */
    List<Hook> all() {
        return find().stream().toList();
    }
}
