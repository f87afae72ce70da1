package casebird.twitter.push;

import casebird.api.HostContext;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.HealthTracker;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push delivery of DMs while the plugin runs: the webhook route the host serves for it, its
 * registration with Twitter and the monitor saying whether deliveries arrive.
 * {@link #close()} stops serving the route.
 */
public final class PushDelivery implements AutoCloseable {

    /** The webhook's path under the plugin's prefix on the host's server. */
    public static final String PATH = "twitter/webhook";
    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);

    private final WebRoute route;
    private final PushMonitor monitor;
    private final PushRegistration registration;

    private PushDelivery(WebRoute route, PushMonitor monitor, PushRegistration registration) {
        this.route = route;
        this.monitor = monitor;
        this.registration = registration;
    }

    /**
     * Serves the webhook when the settings name an environment and the host offers routes;
     * empty (polling only) otherwise. Makes no network call. Each genuine delivery runs
     * {@code handler} on {@code scheduler}, at most {@link DeliveryQueue#LIMIT} waiting.
     */
    public static Optional<PushDelivery> open(HostContext context, PluginSettings settings,
            TwitterPort twitter, HealthTracker health, Executor scheduler,
            Consumer<Delivery> handler) {
        PluginSettings.Push push = settings.push();
        if (push.webhookEnv().isEmpty()) {
            return Optional.empty();
        }
        Optional<WebRoutes> routes = context.webRoutes();
        if (routes.isEmpty()) {
            String why = "push unavailable: webhook-env is set but the host offers no HTTP"
                    + " routes, so the plugin only polls";
            LOG.warn(why);
            health.delivery(why);
            return Optional.empty();
        }
        PushMonitor monitor = new PushMonitor(push.silence(), settings.polling().interval(),
                push.reconcileInterval(), context.clock(), health);
        String consumerSecret = settings.credentials().orElseThrow().consumerSecret();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                new WebhookSignature(consumerSecret), monitor,
                push.deliveryMaxAge(), context.clock(),
                new DeliveryQueue(DeliveryQueue.LIMIT, scheduler, handler));
        WebRoute route = routes.get().serve(PATH, endpoint);
        return Optional.of(new PushDelivery(route, monitor, new PushRegistration(twitter,
                push.webhookEnv().get(), route, monitor, push.reconcileInterval(),
                context.clock())));
    }

    /** Whether deliveries count as arriving. */
    public boolean active() {
        return monitor.active();
    }

    /**
     * Once the inbox is {@code ready}, registers if due, then reports a change of state: a
     * webhook quiet for the silence limit is first registered again, so that Twitter's word
     * that it is valid renews push without a "silent" report in between.
     */
    public void tick(boolean ready) {
        if (ready) {
            registration.runIfDue();
        }
        monitor.check();
    }

    /** Stops serving the webhook. */
    @Override
    public void close() {
        route.close();
    }
}
