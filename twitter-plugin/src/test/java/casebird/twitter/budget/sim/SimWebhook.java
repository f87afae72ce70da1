package casebird.twitter.budget.sim;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Twitter's Account Activity side in virtual time: each agent's DM is delivered to the
 * plugin's webhook alone, 200 to 900 ms after it was sent (uniform, seeded), unless it
 * falls in the mode's dropped share.
 */
final class SimWebhook {

    private static final int MIN_LATENCY_MILLIS = 200;
    private static final int MAX_LATENCY_MILLIS = 900;

    private record Pending(Instant at, DmEvent event) {}

    private final Push mode;
    private final Clock clock;
    private final Random random;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparing(p -> p.event().id()));
    int delivered;
    int dropped;

    SimWebhook(Push mode, Clock clock, Random random) {
        this.mode = mode;
        this.clock = clock;
        this.random = random;
    }

    /** An agent sent the bot this DM now: with push on, its delivery is on its way. */
    void dmSent(DmEvent event) {
        if (!mode.on()) {
            return;
        }
        long latency = MIN_LATENCY_MILLIS
                + random.nextInt(MAX_LATENCY_MILLIS - MIN_LATENCY_MILLIS + 1);
        if (random.nextDouble() < mode.dropShare()) {
            dropped++;
        } else {
            pending.add(new Pending(clock.instant().plusMillis(latency), event));
        }
    }

    /** When the next delivery arrives; {@link Instant#MAX} when none is on its way. */
    Instant nextAt() {
        return pending.isEmpty() ? Instant.MAX : pending.peek().at();
    }

    /** Whether no delivery is on its way. */
    boolean idle() {
        return pending.isEmpty();
    }

    /** Hands the plugin every delivery due by now; returns whether there was one. */
    boolean deliverDue(Consumer<Delivery> plugin) {
        boolean any = false;
        while (!pending.isEmpty() && !pending.peek().at().isAfter(clock.instant())) {
            plugin.accept(new Delivery(OptionalLong.of(SimTwitter.BOT),
                    List.of(pending.poll().event())));
            delivered++;
            any = true;
        }
        return any;
    }

    /** The deliveries' figures, or nothing without push. */
    String report() {
        return mode.on() ? String.format("  webhook deliveries %d, dropped %d%n", delivered,
                dropped) : "";
    }
}
