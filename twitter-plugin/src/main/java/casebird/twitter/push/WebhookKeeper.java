package casebird.twitter.push;

import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.ActivityApi.Webhook;
import casebird.twitter.push.CreatedResources.Kind;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the app's v2 webhook at the plugin's URL: registers it when X has none there
 * (X checks its CRC first), removes the webhooks the plugin created at other URLs, and asks
 * X to check it again ({@code PUT /2/webhooks/:id}) when X says it is not valid.
 */
final class WebhookKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookKeeper.class);

    private final ActivityApi api;
    private final SubscriptionKeeper keeper;
    private final CreatedResources created;
    private final URI url;

    WebhookKeeper(ActivityApi api, SubscriptionKeeper keeper, CreatedResources created,
            URI url) {
        this.api = api;
        this.keeper = keeper;
        this.created = created;
        this.url = url;
    }

    /** Whether X would accept the URL: HTTPS, no port. */
    static boolean usableByX(URI url) {
        return "https".equalsIgnoreCase(url.getScheme()) && url.getPort() == -1;
    }

    /**
     * The webhook at the plugin's URL as X sees it after this check.
     *
     * @throws TwitterApiException when X refuses it (e.g. its CRC failed, or the URL)
     */
    Webhook ensure() {
        List<Webhook> all = keeper.call(api::webhooks);
        created.ids(Kind.WEBHOOK).stream()
                .filter(id -> all.stream().noneMatch(w -> w.id().equals(id)))
                .forEach(gone -> created.removed(Kind.WEBHOOK, gone));
        Optional<Webhook> ours = all.stream().filter(w -> w.url().equals(url.toString()))
                .findFirst();
        if (ours.isEmpty()) {
            keeper.removeCreated(Kind.WEBHOOK);
            Webhook made;
            try {
                made = keeper.call(() -> api.createWebhook(url));
            } catch (TwitterApiException e) {
                throw new TwitterApiException("X refused the webhook " + url + ": "
                        + e.reason(), e.status(), e.errorCode(), e.rateLimitReset(), e);
            }
            created.created(Kind.WEBHOOK, made.id());
            LOG.info("registered webhook {} at {}", made.id(), url);
            return made;
        }
        Webhook w = ours.get();
        if (w.valid()) {
            return w;
        }
        boolean valid = keeper.call(() -> api.revalidate(w.id()));
        LOG.info("asked X to check webhook {} again: {}", w.id(), valid ? "valid" : "not valid");
        return new Webhook(w.id(), w.url(), valid);
    }
}
