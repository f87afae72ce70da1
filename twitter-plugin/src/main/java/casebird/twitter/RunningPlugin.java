package casebird.twitter;

import casebird.api.HostContext;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.CredentialsCheck;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.inbox.CommandRunner;
import casebird.twitter.inbox.DeletionSweeper;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.inbox.InboxPolicy;
import casebird.twitter.inbox.UnlinkedReplyGate;
import casebird.twitter.outbox.Backoff;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.push.PollCadence;
import casebird.twitter.push.PushDelivery;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.TwitterPort;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of the plugin: the store it opened, the webhook route if push is on, and the one
 * scheduler thread that polls the inbox, handles deliveries and sends the outbox.
 * {@link #stop()} closes the route, ends the thread, waits for it and closes the store.
 */
public final class RunningPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RunningPlugin.class);
    private static final Duration MIN_TICK = Duration.ofMillis(50);
    private static final Duration MAX_TICK = Duration.ofSeconds(1);

    private final HostContext context;
    private final StateStore store;
    private final ScheduledExecutorService scheduler;
    private final Duration stopWait;
    private Optional<PushDelivery> push = Optional.empty();

    private RunningPlugin(HostContext context, StateStore store, Duration stopWait) {
        this.context = context;
        this.store = store;
        this.stopWait = stopWait;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(new ThreadFactoryBuilder()
                .setNameFormat("casebird-scheduler-%d").setDaemon(true).build());
    }

    /**
     * Opens the store, schedules the poller and the outbox sender, and registers the
     * runtime for the plugin's extensions; makes no network call itself.
     */
    public static RunningPlugin start(HostContext context, PluginSettings settings,
            TwitterPort twitter, CommandRunner commands, Random random) {
        StateStore store = StateStore.open(createDirectories(context), settings.sync());
        RunningPlugin plugin = new RunningPlugin(
                context, store, settings.httpTimeout().multipliedBy(2).plusSeconds(5));
        HealthTracker health =
                new HealthTracker(context.health(), store::outboxSize, twitter::budgetLeft);
        Backoff backoff = new Backoff(settings.retryBase(), settings.retryCap(), random);
        CredentialsCheck credentials = new CredentialsCheck(
                twitter, health, backoff, settings.credentialsRetry(), context.clock());
        AgentDirectory directory =
                new AgentDirectory(context.crm(), settings.handleField(), twitter, store);
        OutboxSender sender = new OutboxSender(store, twitter, directory,
                backoff, context.clock(), health);
        DirectMessagePoller poller = new DirectMessagePoller(twitter, store, directory, commands,
                new UnlinkedReplyGate(store, settings.unlinkedReplyInterval(),
                        settings.unlinkedReplyDailyCap()),
                new InboxPolicy(settings.catchUpMargin(), settings.deleteHandled()),
                context.clock(), health);
        DeletionSweeper sweeper = new DeletionSweeper(
                store, twitter, settings.deleteInterval(), context.clock());
        plugin.push = PushDelivery.open(context, settings, twitter, health,
                delivery -> plugin.submit(() -> {
                    poller.handleDelivered(delivery);
                    if (credentials.accepted()) {
                        sender.sendDue();
                    }
                }));
        PollCadence cadence = plugin.push.map(p -> new PollCadence(settings.pollInterval(),
                settings.reconcileInterval(), p::active, context.clock()))
                .orElseGet(() -> PollCadence.pollingOnly(settings.pollInterval(),
                        context.clock()));
        plugin.schedule(settings, credentials, cadence, poller, sender, sweeper);
        PluginRuntimes.register(context, new PluginRuntime(store, context.clock(),
                () -> plugin.submit(() -> {
                    if (credentials.accepted()) {
                        sender.sendDue();
                    }
                })));
        return plugin;
    }

    private static java.nio.file.Path createDirectories(HostContext context) {
        try {
            return Files.createDirectories(context.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin's data directory", e);
        }
    }

    /**
     * Polls as the cadence says at each poll interval (registering the webhook once the
     * first poll is done) and ticks the outbox more often; both wait until Twitter has
     * accepted the credentials, which the first task checks in the background.
     */
    private void schedule(PluginSettings settings, CredentialsCheck credentials,
            PollCadence cadence, DirectMessagePoller poller, OutboxSender sender,
            DeletionSweeper sweeper) {
        long poll = settings.pollInterval().toMillis();
        long tick = Math.max(MIN_TICK.toMillis(),
                Math.min(MAX_TICK.toMillis(), settings.retryBase().toMillis()));
        scheduler.scheduleWithFixedDelay(guarded(() -> {
            credentials.runIfDue();
            if (credentials.accepted()) {
                if (cadence.due()) {
                    cadence.polled();
                    poller.pollOnce();
                }
                push.ifPresent(p -> p.tick(poller.ready()));
                sender.sendDue();
                sweeper.sweepOnce();
            }
        }), 0, poll, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(guarded(() -> {
            credentials.runIfDue();
            if (credentials.accepted()) {
                sender.sendDue();
            }
        }), tick, tick, TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(guarded(task));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("plugin stopping; queued DMs go out after the next start");
        }
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("casebird background task failed; it runs again on schedule", e);
            }
        };
    }

    /**
     * Unregisters the runtime, stops serving the webhook, stops the scheduler, waits for it,
     * and closes the store.
     */
    public void stop() {
        PluginRuntimes.unregister(context);
        push.ifPresent(PushDelivery::close);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                scheduler.shutdownNow();
                scheduler.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        } finally {
            store.close();
        }
    }
}
