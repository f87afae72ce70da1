package casebird.twitter.budget.sim;

import casebird.twitter.PluginAssembly;
import casebird.twitter.WorkCycle;
import casebird.twitter.budget.SpendMeter;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.outbox.Outbox;
import casebird.twitter.push.DeliveryQueue;
import casebird.twitter.push.PushDelivery;
import casebird.twitter.push.PushMonitor;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.MutableClock;
import casebird.twitter.testing.TestSettings;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The budget simulator: runs the plugin's real poller, outbox sender, room poster and work
 * cycle with the production default settings on a virtual clock against {@link SimTwitter},
 * over a simulated day per trace, {@link SimApi}, {@link Push} mode and {@link Addressing},
 * and prints the figures. A benchmark, not a test.
 */
public final class BudgetSimulator {

    private static final Duration DRAIN = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(Trace.DAY);
    private final Trace trace;
    private final Map<String, String> overrides;
    private final Push push;
    private final SimApi api;
    private final Addressing addressing;
    private final SimWebhook webhook;
    private final SimRun run;
    private BigDecimal spentBeforeDelivery = BigDecimal.ZERO;

    BudgetSimulator(Trace trace, Map<String, String> overrides, Push push, SimApi api) {
        this(trace, overrides, push, api, Addressing.ONE_TO_ONE);
    }

    BudgetSimulator(Trace trace, Map<String, String> overrides, Push push, SimApi api,
            Addressing addressing) {
        this.trace = trace;
        this.overrides = overrides;
        this.push = push;
        this.api = api;
        this.addressing = addressing;
        this.webhook = new SimWebhook(push, api, clock, new Random(8));
        this.run = new SimRun(trace.name() + ", " + api.label() + ", " + push.name()
                + (addressing == Addressing.ONE_TO_ONE ? "" : ", " + addressing.label()),
                new SimSpend(api.meter(clock)));
    }

    /**
     * Runs the four standard traces under v1.1 (polling only, with push and with push
     * dropping a tenth of the deliveries) and under v2 (the same, plus the stream down for
     * five minutes, and polling with notices to the queue's room), and prints their
     * figures; arguments: an optional seed,
     * then plugin settings as {@code name=value} to try instead of the defaults.
     */
    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        System.out.println("casebird budget simulator (seed " + seed + ", settings "
                + (overrides.isEmpty() ? "defaults" : overrides) + ")");
        FigureTable notices = FigureTable.notices();
        FigureTable pushV2 = FigureTable.pushV2();
        for (Trace trace : Trace.standard(seed)) {
            for (SimApi api : SimApi.ALL) {
                for (Push push : api.pushModes()) {
                    BudgetSimulator sim = new BudgetSimulator(trace, overrides, push, api);
                    print(sim);
                    if (api == SimApi.V2) {
                        pushV2.add(trace.name(), push.name(), sim.run);
                    }
                    if (api == SimApi.V2 && !push.on()) {
                        notices.add(trace.name(), Addressing.ONE_TO_ONE.label(), sim.run);
                    }
                }
            }
            BudgetSimulator rooms = new BudgetSimulator(trace, overrides, Push.OFF, SimApi.V2,
                    Addressing.ROOMS);
            print(rooms);
            notices.add(trace.name(), Addressing.ROOMS.label(), rooms.run);
        }
        System.out.print(pushV2.render());
        System.out.print(notices.render());
    }

    private static void print(BudgetSimulator sim) throws IOException {
        long started = System.nanoTime();
        SimTwitter twitter = sim.run();
        long wall = (System.nanoTime() - started) / 1_000_000;
        System.out.print(sim.run.report(twitter, wall) + sim.webhook.report());
    }

    /** What the last run recorded. */
    SimRun result() {
        return run;
    }

    /** The simulated webhook of the last run. */
    SimWebhook webhook() {
        return webhook;
    }

    /** Runs the trace to its end and until the plugin has caught up (at most a day more). */
    SimTwitter run() throws IOException {
        Path dir = Files.createTempDirectory("casebird-sim");
        Map<String, String> settings = new HashMap<>(overrides);
        settings.putIfAbsent("api", api.label());
        PluginAssembly assembly = new PluginAssembly(TestSettings.from(settings), clock,
                new Random(7), api.limits(), run.spend.meter());
        SimTwitter sim =
                new SimTwitter(clock, api, assembly.budget(), trace.faults(), webhook);
        FakeCrm crm = SimAgents.crm();
        try (StateStore store = StateStore.open(dir)) {
            SimAgents agents = new SimAgents(clock, run, store.outbox(), addressing);
            PluginAssembly.Parts parts =
                    assembly.parts(sim, store, crm, agents::execute, h -> { });
            // With push on, reads slow to the reconciliation interval while the monitor says
            // push works: all day (X's word, or under v1.1 its hourly CRC checks, keeps it
            // working even while deliveries drop), except while the stream is down.
            PluginSettings chosen = assembly.settings();
            PushMonitor monitor = PushMonitor.confirmedByX(chosen.polling().interval(),
                    chosen.push().reconcileInterval(), clock, parts.health(),
                    "the stream is not connected yet");
            WorkCycle cycle = assembly.cycle(parts,
                    push.on() ? Optional.of(monitor::active) : Optional.empty());
            if (push.on()) {
                webhook.connect(monitor, cycle::readSoon, chosen.push().streamSilence());
            }
            loop(cycle, sim, store.outbox(), agents, deliveries(assembly, parts, cycle));
            run.spend.finish(clock.instant());
            run.delivered(sim.sent());
            run.unexpected429s = sim.unexpected429s;
            run.listCalls = sim.calls.getOrDefault(Endpoint.DM_LIST, 0);
            run.deliveries = push.on() ? webhook.delivered + " (" + webhook.dropped + ", "
                    + webhook.lostToOutage + ")" : "-";
        } finally {
            deleteTree(dir);
        }
        return sim;
    }

    /**
     * Advances the clock from one event to the next (an action of the trace, a webhook
     * delivery handed to the plugin as its route does, or the work cycle's next turn) and
     * runs it, until the day is over and the plugin has caught up.
     */
    private void loop(WorkCycle cycle, SimTwitter sim, Outbox outbox, SimAgents agents,
            Consumer<Delivery> plugin) {
        List<Trace.Action> actions = trace.actions();
        Instant end = Trace.DAY.plus(Duration.ofDays(1));
        int next = 0;
        Instant cycleAt = clock.instant();
        while (true) {
            Instant actionAt = next < actions.size() ? actions.get(next).at() : Instant.MAX;
            boolean idle = next == actions.size() && outbox.size() == 0
                    && run.executions.size() == run.commands && webhook.idle();
            Instant now = clock.instant();
            if ((idle && !now.isBefore(end)) || now.isAfter(end.plus(DRAIN))) {
                return;
            }
            Instant at = Stream.of(actionAt, webhook.nextAt(), cycleAt)
                    .min(Instant::compareTo).orElseThrow();
            Instant to = at.isAfter(now) ? at : now;
            run.spend.beforeAdvance(now, to);
            clock.advance(Duration.between(now, to));
            if (!actionAt.isAfter(clock.instant())) {
                agents.act(actions.get(next++), sim);
                cycle.sendNow();
                cycleAt = clock.instant();
            } else if (webhook.deliverDue(plugin)) {
                cycleAt = clock.instant();
            } else {
                Instant planned = cycle.runDue();
                cycleAt = planned.isAfter(clock.instant())
                        ? planned : clock.instant().plusMillis(50);
            }
        }
    }

    /**
     * The plugin's one path for deliveries: its bounded queue (run at once on this one
     * thread, as the scheduler would), the charge of each {@code dm.received} under v2, the
     * poller's exactly-once handling, then the outbox; a full queue asks for a read, as the
     * stream listener does. What the charge added is measured between offer and handler.
     */
    private Consumer<Delivery> deliveries(PluginAssembly assembly, PluginAssembly.Parts parts,
            WorkCycle cycle) {
        DeliveryQueue queue = new DeliveryQueue(DeliveryQueue.LIMIT, Runnable::run,
                PushDelivery.charging(assembly.spend(), delivery -> {
                    run.deliveryCharges = run.deliveryCharges.add(
                            spentToday().subtract(spentBeforeDelivery));
                    parts.poller().handleDelivered(delivery);
                    parts.sender().sendDue();
                }));
        return delivery -> {
            spentBeforeDelivery = spentToday();
            if (!queue.offer(delivery)) {
                cycle.readSoon();
            }
        };
    }

    private BigDecimal spentToday() {
        return run.spend.meter().map(SpendMeter::spentToday).orElse(BigDecimal.ZERO);
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
