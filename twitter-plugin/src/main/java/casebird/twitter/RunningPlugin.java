package casebird.twitter;

import casebird.api.HostContext;
import casebird.api.web.WebRoute;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.CredentialsCheck;
import casebird.twitter.inbox.CommandRunner;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.push.PushDelivery;
import casebird.twitter.state.StateStore;
import casebird.twitter.state.StoreUpkeep;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One start of the plugin: the store it opened, the API it calls, the webhook and authorize
 * routes it serves, and the one scheduler thread that runs the {@link WorkCycle} again when
 * it says it is next due (at least every second, so queued DMs and clock changes are
 * noticed) and handles deliveries; under {@code push=stream} also the stream reader's
 * thread ({@link PushDelivery}). {@link #stop()} closes the routes and the stream, aborts
 * the API's calls, ends the threads, waits for them and closes the store.
 */
public final class RunningPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(RunningPlugin.class);
    private static final Duration MIN_TICK = Duration.ofMillis(50);
    private static final Duration MAX_TICK = Duration.ofSeconds(1);
    private static final Duration UPKEEP_INTERVAL = Duration.ofSeconds(5);
    private static final Duration UPKEEP_TIME = Duration.ofMillis(500);
    private static final Instant FAR = Instant.parse("3000-01-01T00:00:00Z");

    private final HostContext context;
    private final StateStore store;
    private final ScheduledExecutorService scheduler;
    private final Duration stopWait;
    private volatile Optional<PushDelivery> push = Optional.empty();
    private final ChosenApi api;
    private List<WebRoute> routes = List.of();
    /** The scheduler's threads, joined by stop: a terminated executor's worker may still run. */
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    private RunningPlugin(HostContext context, StateStore store, ChosenApi api,
            Duration stopWait) {
        this.context = context;
        this.store = store;
        this.api = api;
        this.stopWait = stopWait;
        ThreadFactory named = new ThreadFactoryBuilder().setNameFormat("casebird-scheduler-%d")
                .setDaemon(true).build();
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = named.newThread(task);
            threads.add(thread);
            return thread;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.scheduler = executor;
    }

    /**
     * Opens the store and the API {@code api} opens over it, serves the authorize routes
     * where the host offers routes, schedules the poller and the outbox sender, and
     * registers the runtime for the plugin's extensions; makes no network call itself. The
     * port's rate-limit headers should go to the assembly's budget, which every call then
     * goes through.
     */
    public static RunningPlugin start(HostContext context, PluginAssembly assembly,
            Function<StateStore, ChosenApi> api, CommandRunner commands) {
        PluginSettings settings = assembly.settings();
        StateStore store = StateStore.open(createDirectories(context), settings.sync());
        RunningPlugin plugin = new RunningPlugin(context, store, open(api, store),
                settings.api().httpTimeout().multipliedBy(2).plusSeconds(5));
        plugin.routes = context.webRoutes().flatMap(web -> plugin.api.authorizeRoutes()
                .map(r -> r.serve(web))).orElse(List.of());
        PluginAssembly.Parts parts = assembly.parts(plugin.api.port(), store, context.crm(),
                commands, context.health());
        CredentialsCheck credentials = assembly.credentialsCheck(parts,
                plugin.routes.stream().findFirst().map(WebRoute::url));
        WorkCycle cycle = assembly.cycle(parts, Optional.of(plugin::pushActive));
        plugin.push = PushDelivery.open(context, settings, parts.twitter(), parts.health(),
                plugin::submit, PushDelivery.charging(assembly.spend(), delivery -> {
                    parts.poller().handleDelivered(delivery);
                    if (credentials.accepted()) {
                        parts.sender().sendDue();
                    }
                }), new PushDelivery.Xaa(plugin.api.activity(), assembly.budget(),
                        store.pushResources(), parts.poller()::botId, cycle::readSoon,
                        new Random()));
        StoreUpkeep upkeep =
                new StoreUpkeep(store, UPKEEP_INTERVAL, UPKEEP_TIME, context.clock());
        plugin.submit(() -> plugin.runAndReschedule(() -> plugin.turn(credentials, cycle,
                parts.poller(), upkeep)));
        PluginRuntimes.register(context, new PluginRuntime(store.outbox(), context.clock(),
                () -> plugin.submit(() -> {
                    if (credentials.accepted()) {
                        cycle.sendNow();
                    }
                })));
        return plugin;
    }

    /** Whether push works, so that reads slow to reconciliation. */
    private boolean pushActive() {
        Optional<PushDelivery> delivery = push;
        return delivery.isPresent() && delivery.get().active();
    }

    /** The API opened over the store; the store is closed again when that fails. */
    private static ChosenApi open(Function<StateStore, ChosenApi> api, StateStore store) {
        try {
            return api.apply(store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private static java.nio.file.Path createDirectories(HostContext context) {
        try {
            return Files.createDirectories(context.dataDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the plugin's data directory", e);
        }
    }

    /**
     * One turn of background work: the state file's upkeep, and once Twitter has accepted
     * the credentials the work cycle, then the webhook's upkeep; returns when the next turn
     * is due.
     */
    private Instant turn(CredentialsCheck credentials, WorkCycle cycle,
            DirectMessagePoller poller, StoreUpkeep upkeep) {
        upkeep.runIfDue();
        credentials.runIfDue();
        if (!credentials.accepted()) {
            return context.clock().instant().plus(MAX_TICK);
        }
        Instant next = cycle.runDue();
        push.ifPresent(p -> p.tick(poller.ready()));
        return next;
    }

    /**
     * Runs one turn now and schedules the next for when the turn says it is due, within
     * the tick bounds.
     */
    private void runAndReschedule(Supplier<Instant> turn) {
        Instant next = Instant.MAX;
        try {
            next = turn.get();
        } finally {
            long wait = Duration.between(context.clock().instant(), next.isBefore(FAR)
                    ? next : FAR).toMillis();
            long delay = Math.max(MIN_TICK.toMillis(), Math.min(MAX_TICK.toMillis(), wait));
            try {
                scheduler.schedule(guarded(() -> runAndReschedule(turn)), delay,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                LOG.debug("plugin stopping; the work cycle ends");
            }
        }
    }

    private void submit(Runnable task) {
        try {
            scheduler.execute(guarded(task));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("plugin stopping; queued DMs go out after the next start");
        }
    }

    /**
     * The task, logging whatever it throws: the executor would keep an {@link Error} in a
     * future nobody reads. The work cycle was rescheduled before the throw, so it goes on.
     */
    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("casebird background task failed; it runs again on schedule", e);
            }
        };
    }

    /**
     * Unregisters the runtime, stops serving the routes, aborts the v2 client's calls, lets
     * the task in progress end (every twitter4j call ends within {@code http-timeout}),
     * interrupts it if it does not,
     * waits for the thread, and only then closes the store. An interrupt of the calling
     * thread does not cut the wait short; it is kept for the caller. Takes at most twice
     * the stop wait.
     */
    public void stop() {
        PluginRuntimes.unregister(context);
        routes.forEach(WebRoute::close);
        scheduler.shutdown();
        api.close();
        // After the API's calls were aborted, so that the stream's thread is not held up by
        // a call in flight (its app-only token, say) while stop waits for it.
        push.ifPresent(PushDelivery::close);
        boolean interrupted = Thread.interrupted();
        try {
            if (!Uninterruptibles.awaitTerminationUninterruptibly(scheduler, stopWait)) {
                LOG.warn("casebird's background thread did not end within {} of stop;"
                        + " interrupting it", stopWait);
                scheduler.shutdownNow();
                if (!Uninterruptibles.awaitTerminationUninterruptibly(scheduler, stopWait)) {
                    LOG.error("casebird's background thread still runs {} after it was"
                            + " interrupted; closing the state file under it", stopWait);
                }
            }
            threads.forEach(thread -> Uninterruptibles.joinUninterruptibly(thread, stopWait));
        } finally {
            store.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
