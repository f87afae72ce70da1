package casebird.twitter.budget.sim;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.push.PushMonitor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import twitter4j.JSONArray;
import twitter4j.JSONObject;

/**
 * X's push side in virtual time: each agent's DM is delivered alone, 200 to 900 ms after it
 * was sent (uniform, seeded), unless it falls in the mode's dropped share or the stream is
 * down then. Under v1.1 a delivery is an Account Activity one; under v2 it is an X Activity
 * API {@code dm.received} event line ({@code data.payload.direct_message_events}, as the
 * stream and v2 webhooks carry it), parsed by the plugin's own {@link DeliveryJson}.
 *
 * <p>When the mode's stream goes down, nothing is delivered until it is back (what was on
 * its way is lost, as X's stream does not replay); once no keep-alive came for the
 * plugin's {@code stream-silence}, the {@link PushMonitor} is told that push fails (reads go
 * at full rate), and when the stream is back it is told that push works and a
 * reconciliation read is asked for, as the plugin's stream reader does.
 */
final class SimWebhook {

    private static final int MIN_LATENCY_MILLIS = 200;
    private static final int MAX_LATENCY_MILLIS = 900;

    private record Pending(Instant at, DmEvent event) {}

    private final Push mode;
    private final SimApi api;
    private final Clock clock;
    private final Random random;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>(
            Comparator.comparing(Pending::at).thenComparing(p -> p.event().id()));
    private PushMonitor monitor;
    private Runnable reconcile = () -> { };
    private Instant silenceNoticedAt = Instant.MAX;
    private Instant reconnectAt = Instant.MAX;
    int delivered;
    int dropped;
    int lostToOutage;

    SimWebhook(Push mode, SimApi api, Clock clock, Random random) {
        this.mode = mode;
        this.api = api;
        this.clock = clock;
        this.random = random;
    }

    /**
     * Reports the stream's state to {@code monitor} (working from now) and asks for a
     * reconciliation read through {@code reconcile} when it reconnects; the plugin notices
     * the outage after {@code streamSilence} without a keep-alive.
     */
    void connect(PushMonitor monitor, Runnable reconcile, Duration streamSilence) {
        this.monitor = monitor;
        this.reconcile = reconcile;
        monitor.working("stream connected");
        if (!mode.outage().isZero()) {
            silenceNoticedAt = mode.outageAt().plus(streamSilence);
            reconnectAt = mode.reconnectAt();
        }
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

    /** When the next delivery or change of the stream is due; {@link Instant#MAX}: none. */
    Instant nextAt() {
        return Stream.of(pending.isEmpty() ? Instant.MAX : pending.peek().at(),
                silenceNoticedAt, reconnectAt).min(Instant::compareTo).orElseThrow();
    }

    /** Whether no delivery is on its way. */
    boolean idle() {
        return pending.isEmpty();
    }

    /**
     * Hands the plugin every delivery due by now and reports the stream's changes due by
     * now; returns whether anything happened.
     */
    boolean deliverDue(Consumer<Delivery> plugin) {
        boolean any = false;
        Instant now = clock.instant();
        if (!now.isBefore(silenceNoticedAt)) {
            silenceNoticedAt = Instant.MAX;
            monitor.failing("the stream is not connected: no keep-alive");
            any = true;
        }
        if (!now.isBefore(reconnectAt)) {
            reconnectAt = Instant.MAX;
            monitor.working("stream connected");
            reconcile.run();
            any = true;
        }
        while (!pending.isEmpty() && !pending.peek().at().isAfter(now)) {
            Pending p = pending.poll();
            if (mode.down(p.at())) {
                lostToOutage++;
            } else {
                plugin.accept(delivery(p.event()));
                delivered++;
            }
            any = true;
        }
        return any;
    }

    private Delivery delivery(DmEvent event) {
        if (api == SimApi.V1_1) {
            return new Delivery(OptionalLong.of(SimTwitter.BOT), List.of(event));
        }
        return DeliveryJson.parse(xaaLine(event));
    }

    /** The X Activity API's {@code dm.received} event for the DM, as one stream line. */
    static String xaaLine(DmEvent event) {
        JSONObject dm = new JSONObject()
                .put("type", "message_create")
                .put("id", Long.toString(event.id()))
                .put("created_timestamp", Long.toString(event.createdAt().toEpochMilli()))
                .put("message_create", new JSONObject()
                        .put("target", new JSONObject()
                                .put("recipient_id", Long.toString(event.recipientId())))
                        .put("sender_id", Long.toString(event.senderId()))
                        .put("message_data", new JSONObject().put("text", event.text())));
        return new JSONObject().put("data", new JSONObject()
                .put("event_uuid", "sim-" + event.id())
                .put("filter", new JSONObject().put("user_id", Long.toString(SimTwitter.BOT)))
                .put("event_type", "dm.received")
                .put("payload", new JSONObject()
                        .put("direct_message_events", new JSONArray().put(dm))))
                .toString();
    }

    /** The deliveries' figures, or nothing without push. */
    String report() {
        return mode.on() ? String.format("  %s deliveries %d, dropped %d, lost while the"
                + " stream was down %d%n", api == SimApi.V1_1 ? "webhook" : "X Activity API",
                delivered, dropped, lostToOutage) : "";
    }
}
