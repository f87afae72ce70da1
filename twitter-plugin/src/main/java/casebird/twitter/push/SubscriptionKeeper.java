package casebird.twitter.push;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.ActivityApi.Subscription;
import casebird.twitter.push.CreatedResources.Kind;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps exactly one {@code dm.received} subscription for the bot, delivering to the stream
 * or to one webhook, and removes the subscriptions and webhooks the plugin created and no
 * longer wants (never one an admin made). Every call goes through the budget of
 * {@link Endpoint#WEBHOOKS}.
 */
final class SubscriptionKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionKeeper.class);

    private final ActivityApi api;
    private final ApiBudget budget;
    private final CreatedResources created;

    SubscriptionKeeper(ActivityApi api, ApiBudget budget, CreatedResources created) {
        this.api = api;
        this.budget = budget;
        this.created = created;
    }

    /**
     * The bot's {@code dm.received} subscription delivering to {@code webhookId} (the
     * stream when empty): kept when it exists, created otherwise; the plugin's other
     * subscriptions for the bot (another webhook, the stream, a duplicate) are removed.
     *
     * @throws TwitterApiException e.g. 403 when the bot has not authorized the app
     */
    Subscription ensure(long botId, Optional<String> webhookId) {
        List<Subscription> all = call(api::subscriptions);
        Set<String> ours = created.ids(Kind.SUBSCRIPTION);
        ours.stream().filter(id -> all.stream().noneMatch(s -> s.id().equals(id)))
                .forEach(gone -> created.removed(Kind.SUBSCRIPTION, gone));
        Subscription kept = null;
        for (Subscription s : all) {
            if (!s.eventType().equals(ActivityApi.DM_RECEIVED)
                    || !s.userId().equals(Long.toString(botId))) {
                continue;
            }
            if (kept == null && s.webhookId().equals(webhookId)) {
                kept = s;
            } else if (ours.contains(s.id())) {
                remove(Kind.SUBSCRIPTION, s.id());
            }
        }
        if (kept == null) {
            kept = call(() -> api.subscribe(botId, webhookId));
            created.created(Kind.SUBSCRIPTION, kept.id());
            LOG.info("subscribed to dm.received of the bot ({}), subscription {}",
                    webhookId.map(id -> "webhook " + id).orElse("stream"), kept.id());
        }
        return kept;
    }

    /** Removes every resource of that kind the plugin created; one already gone is forgotten. */
    void removeCreated(Kind kind) {
        created.ids(kind).forEach(id -> remove(kind, id));
    }

    private void remove(Kind kind, String id) {
        try {
            call(() -> {
                if (kind == Kind.SUBSCRIPTION) {
                    api.unsubscribe(id);
                } else {
                    api.deleteWebhook(id);
                }
                return id;
            });
            LOG.info("removed the {} {} the plugin had created", word(kind), id);
        } catch (TwitterApiException e) {
            if (e.status() != 404) {
                throw e;
            }
        }
        created.removed(kind, id);
    }

    <T> T call(Supplier<T> call) {
        return budget.call(Endpoint.WEBHOOKS, call);
    }

    static String word(Kind kind) {
        return kind == Kind.SUBSCRIPTION ? "dm.received subscription" : "webhook";
    }
}
