package casebird.harness.bench;

import casebird.api.rule.RuleEvent;
import casebird.harness.host.RuleManager.Rule;
import casebird.harness.host.RuleRejectedException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rule firing to DM POST: each notice's latency, one event at a time, and the fan-out of one
 * event to every member of a queue; the plugin polls at the production default (60s), so
 * only the rule thread and the outbox sender work.
 */
final class NotifyBench {

    /** What the benchmark found, and the send path's rate for the ratios. */
    record Result(List<Figure> figures, double sendRate) {}

    private static final Duration POLL = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String TEMPLATE = "Case {case.id} ({case.title}) was dispatched to"
            + " {case.queue} by {actor}. Reply 'accept {case.id}' to take it.";

    private final BenchWorld world;
    private long nextCase = 1;

    private NotifyBench(BenchWorld world) {
        this.world = world;
    }

    static Result run(Path pluginZip, BenchSizes sizes) throws IOException, InterruptedException {
        try (BenchWorld world = BenchWorld.create(pluginZip)) {
            NotifyBench bench = new NotifyBench(world);
            world.crm().addUser("dispatcher");
            world.addAgents("solo", "solo", 1);
            for (int size : sizes.fanOuts()) {
                world.addAgents("q" + size, "q" + size + "_", size);
            }
            world.start(POLL);
            bench.addRule();
            List<Figure> figures = new ArrayList<>(bench.latency(sizes));
            double sendRate = 0;
            for (int size : sizes.fanOuts()) {
                bench.fire("q" + size, size);
                long nanos = bench.fire("q" + size, size);
                sendRate = size * 1e9 / nanos;
                figures.add(Figure.of("notify: fan-out to " + size + ", last DM POST after",
                        Figure.millis(nanos)));
                figures.add(Figure.of("notify: fan-out to " + size + ", rate",
                        Figure.rate(sendRate, "DMs")));
            }
            return new Result(figures, sendRate);
        }
    }

    private void addRule() {
        try {
            world.rules().addRule(new Rule("notify-queue", RuleEvent.Type.CASE_DISPATCHED,
                    Optional.empty(), "twitter.send-dm",
                    Map.of("to", "queue-members", "template", TEMPLATE)));
        } catch (RuleRejectedException e) {
            throw new IllegalStateException("the benchmark's rule was refused", e);
        }
    }

    private List<Figure> latency(BenchSizes sizes) throws InterruptedException {
        for (int i = 0; i < sizes.warmup(); i++) {
            fire("solo", 1);
        }
        long[] samples = new long[sizes.notifyEvents()];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = fire("solo", 1);
        }
        long p99 = Meters.percentile(samples, 99);
        String over = " (" + samples.length + " events)";
        return List.of(
                Figure.of("notify: rule firing to DM POST, p50" + over,
                        Figure.millis(Meters.percentile(samples, 50))),
                Figure.checked("notify: rule firing to DM POST, p99" + over, Figure.millis(p99),
                        "< 50 ms", p99 < 50_000_000L));
    }

    /** Dispatches a new case to the queue; the time until the last of its DMs arrived. */
    private long fire(String queue, int members) throws InterruptedException {
        long caseId = nextCase++;
        world.crm().createCase(caseId, "Printer on fire", Map.of());
        int before = world.botDms().count();
        long fired = System.nanoTime();
        world.crm().dispatch(caseId, queue, "dispatcher");
        return world.botDms().awaitArrival(before + members, TIMEOUT) - fired;
    }
}
