package casebird.twitter.push;

import casebird.api.HostContext;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.SpendMeter;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.client.v1.DeliveryJson;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.config.ApiChoice;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.config.PushMode;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.push.CreatedResources.Kind;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Push delivery of DMs while the plugin runs: under v1.1 the Account Activity webhook
 * ({@code webhook-env}); under v2 the X Activity API, by stream or by webhook
 * ({@code push}); and the monitor saying whether push works. Every delivery, from either
 * source, goes through one {@link DeliveryQueue} to the poller's exactly-once path.
 * {@link #close()} stops serving the route and ends the stream's thread.
 */
public final class PushDelivery implements AutoCloseable {

    /** The webhook's path under the plugin's prefix on the host's server. */
    public static final String PATH = "twitter/webhook";
    private static final Logger LOG = LoggerFactory.getLogger(PushDelivery.class);
    private static final Duration STREAM_STOP_WAIT = Duration.ofSeconds(5);

    /**
     * What push on the X Activity API needs besides the settings.
     *
     * @param api the app-only calls; empty without the consumer pair
     * @param budget the budget every call goes through
     * @param created what the plugin created on X, in its store
     * @param botId the bot's id once the credentials were checked
     * @param reconcile asks for a read of the inbox soon (after each stream connect)
     * @param random draws the stream's reconnect backoff
     */
    public record Xaa(Optional<ActivityApi> api, ApiBudget budget, CreatedResources created,
            Supplier<OptionalLong> botId, Runnable reconcile, Random random) {}

    private final Optional<WebRoute> route;
    private final Optional<PushMonitor> monitor;
    private final PushUpkeep upkeep;
    private final Optional<ActivityStreamReader> stream;

    private PushDelivery(Optional<WebRoute> route, Optional<PushMonitor> monitor,
            PushUpkeep upkeep, Optional<ActivityStreamReader> stream) {
        this.route = route;
        this.monitor = monitor;
        this.upkeep = upkeep;
        this.stream = stream;
    }

    /**
     * Sets push up as the settings ask, serving the webhook route where it needs one; empty
     * (polling only) when push is off and there is nothing to remove. Makes no network
     * call. Each genuine delivery runs {@code handler} on {@code scheduler}, at most
     * {@link DeliveryQueue#LIMIT} waiting.
     */
    public static Optional<PushDelivery> open(HostContext context, PluginSettings settings,
            TwitterPort twitter, HealthTracker health, Executor scheduler,
            Consumer<Delivery> handler, Xaa xaa) {
        PluginSettings.Push push = settings.push();
        if (settings.api().choice().version() == ApiChoice.Version.V2) {
            return openXaa(context, settings, health, scheduler, handler, xaa);
        }
        if (push.webhookEnv().isEmpty()) {
            return Optional.empty();
        }
        Optional<WebRoutes> routes = routes(context, health, "webhook-env is set");
        if (routes.isEmpty()) {
            return Optional.empty();
        }
        PushMonitor monitor = new PushMonitor(push.silence(), settings.polling().interval(),
                push.reconcileInterval(), context.clock(), health);
        WebRoute route = serve(routes.get(), settings, monitor, context,
                new DeliveryQueue(DeliveryQueue.LIMIT, scheduler, handler));
        return Optional.of(new PushDelivery(Optional.of(route), Optional.of(monitor),
                new PushRegistration(twitter, push.webhookEnv().get(), route, monitor,
                        push.reconcileInterval(), context.clock()), Optional.empty()));
    }

    private static Optional<PushDelivery> openXaa(HostContext context, PluginSettings settings,
            HealthTracker health, Executor scheduler, Consumer<Delivery> handler, Xaa xaa) {
        PluginSettings.Push push = settings.push();
        boolean leftovers = !xaa.created().ids(Kind.SUBSCRIPTION).isEmpty()
                || !xaa.created().ids(Kind.WEBHOOK).isEmpty();
        if (push.mode() == PushMode.OFF) {
            if (!leftovers) {
                return Optional.empty();
            }
            if (xaa.api().isEmpty()) {
                health.warning("push-cleanup", Optional.of("push is off, but the plugin cannot"
                        + " remove the subscription and webhook it created on X without"
                        + " consumer-key and consumer-secret"));
                return Optional.empty();
            }
            return Optional.of(new PushDelivery(Optional.empty(), Optional.empty(),
                    new PushCleanup(new SubscriptionKeeper(xaa.api().get(), xaa.budget(),
                            xaa.created()), health, context.clock(), push.reconcileInterval()),
                    Optional.empty()));
        }
        PushMonitor monitor = PushMonitor.confirmedByX(settings.polling().interval(),
                push.reconcileInterval(), context.clock(), health,
                push.mode() == PushMode.STREAM ? "the stream is not connected yet"
                        : "the webhook is not registered yet");
        DeliveryQueue queue = new DeliveryQueue(DeliveryQueue.LIMIT, scheduler, handler);
        ActivityApi api = xaa.api().orElseThrow();
        SubscriptionKeeper keeper = new SubscriptionKeeper(api, xaa.budget(), xaa.created());
        Optional<WebRoute> route = Optional.empty();
        Optional<WebhookKeeper> webhook = Optional.empty();
        if (push.mode() == PushMode.WEBHOOK) {
            Optional<WebRoutes> routes = routes(context, health, "push=webhook is set");
            if (routes.isEmpty()) {
                return Optional.empty();
            }
            route = Optional.of(serve(routes.get(), settings, monitor, context, queue));
            URI url = push.webhookUrl().orElse(route.get().url());
            if (!WebhookKeeper.usableByX(url)) {
                health.warning("webhook-url", Optional.of("the webhook URL " + url + " is not"
                        + " usable by X, which calls only https URLs without a port; set"
                        + " webhook-url to the host's public https URL (registering this one"
                        + " anyway)"));
            }
            webhook = Optional.of(new WebhookKeeper(api, keeper, xaa.created(), url));
        }
        XaaUpkeep upkeep = new XaaUpkeep(push.mode(), keeper, webhook, monitor, xaa.botId(),
                context.clock(), push.reconcileInterval(), settings.polling().interval());
        Optional<ActivityStreamReader> stream = Optional.empty();
        if (push.mode() == PushMode.STREAM) {
            stream = Optional.of(new ActivityStreamReader(api, xaa.budget(),
                    push.streamSilence(), new Backoff(settings.retry().base(),
                            settings.retry().cap(), xaa.random()), context.clock(),
                    new StreamListener(upkeep, queue, xaa.reconcile())));
        }
        return Optional.of(new PushDelivery(route, Optional.of(monitor), upkeep, stream));
    }

    private static Optional<WebRoutes> routes(HostContext context, HealthTracker health,
            String what) {
        Optional<WebRoutes> routes = context.webRoutes();
        if (routes.isEmpty()) {
            String why = "push unavailable: " + what + " but the host offers no HTTP"
                    + " routes, so the plugin only polls";
            LOG.warn(why);
            health.delivery(why);
        }
        return routes;
    }

    private static WebRoute serve(WebRoutes routes, PluginSettings settings,
            PushMonitor monitor, HostContext context, DeliveryQueue queue) {
        PluginSettings.Push push = settings.push();
        WebhookEndpoint endpoint = new WebhookEndpoint(
                new WebhookSignature(push.consumer().orElseThrow().secret()), monitor,
                push.deliveryMaxAge(), context.clock(), queue);
        return routes.serve(PATH, endpoint);
    }

    /**
     * The handler that also charges each delivered {@code dm.received} event for the
     * subscribed user to the spend meter, once per event per UTC day as X bills it.
     */
    public static Consumer<Delivery> charging(Optional<SpendMeter> spend,
            Consumer<Delivery> handler) {
        return delivery -> {
            spend.ifPresent(meter -> meter.charge(SpendMeter.Resource.DM_DELIVERED,
                    delivery.events().stream()
                            .filter(e -> delivery.forUserId().isEmpty()
                                    || delivery.forUserId().getAsLong() == e.recipientId())
                            .map(e -> Long.toString(e.id())).toList()));
            handler.accept(delivery);
        };
    }

    /** Whether push works, so that polling may slow to reconciliation. */
    public boolean active() {
        return monitor.map(PushMonitor::active).orElse(false);
    }

    /**
     * Once the inbox is {@code ready}, starts the stream and does the upkeep that is due,
     * then reports a change of state.
     */
    public void tick(boolean ready) {
        if (ready) {
            stream.ifPresent(ActivityStreamReader::start);
            upkeep.runIfDue();
        }
        monitor.ifPresent(PushMonitor::check);
    }

    /** Stops serving the webhook and ends the stream's thread. */
    @Override
    public void close() {
        route.ifPresent(WebRoute::close);
        stream.ifPresent(s -> s.stop(STREAM_STOP_WAIT));
        upkeep.close();
    }

    /** Stream events into the delivery queue; connects and drops to the upkeep. */
    private record StreamListener(XaaUpkeep upkeep, DeliveryQueue queue, Runnable reconcile)
            implements ActivityStreamReader.Listener {

        @Override
        public void connected() {
            upkeep.streamConnected();
            reconcile.run();
        }

        @Override
        public void down(String why) {
            upkeep.streamDown(why);
        }

        @Override
        public void event(String line) {
            Delivery delivery;
            try {
                delivery = DeliveryJson.parse(line);
            } catch (IllegalArgumentException e) {
                LOG.warn("stream event ignored: {}", e.getMessage());
                return;
            }
            if (!queue.offer(delivery)) {
                reconcile.run();
            }
        }
    }
}
