package casebird.twitter.budget.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How agents' DMs reach the plugin in a run: by polling only, or pushed as well (v1.1's
 * Account Activity webhook, or the X Activity API under v2), with a share of the deliveries
 * dropped, or with the stream down for a while (polling reconciles what push missed).
 *
 * @param outageAt when the stream goes down, if it does; {@code outage} long
 */
record Push(String name, boolean on, double dropShare, Instant outageAt, Duration outage) {

    /** When the standard runs' stream goes down: during (b)'s burst, in every trace's day. */
    static final Instant OUTAGE_AT = Trace.DAY.plus(Duration.ofHours(10).plusMinutes(5));

    static final Push OFF = new Push("polling", false, 0);
    static final Push ON = new Push("push", true, 0);
    static final Push DROPPING = new Push("push, 10% dropped", true, 0.1);
    static final Push STREAM_DOWN = streamDown(OUTAGE_AT, Duration.ofMinutes(5));

    /** The modes the benchmark runs every trace in under v1.1. */
    static final List<Push> MODES = List.of(OFF, ON, DROPPING);
    /** The modes the benchmark runs every trace in under v2. */
    static final List<Push> V2_MODES = List.of(OFF, ON, DROPPING, STREAM_DOWN);

    Push(String name, boolean on, double dropShare) {
        this(name, on, dropShare, Instant.MAX, Duration.ZERO);
    }

    /** Push without drops whose stream is down for {@code outage} from {@code at}. */
    static Push streamDown(Instant at, Duration outage) {
        return new Push("push, stream down " + SimRun.text(outage), true, 0, at, outage);
    }

    /** Whether the stream is down at that moment. */
    boolean down(Instant at) {
        return !at.isBefore(outageAt) && at.isBefore(outageAt.plus(outage));
    }

    /** When the stream is back; {@link Instant#MAX} when it never goes down. */
    Instant reconnectAt() {
        return outage.isZero() ? Instant.MAX : outageAt.plus(outage);
    }
}
