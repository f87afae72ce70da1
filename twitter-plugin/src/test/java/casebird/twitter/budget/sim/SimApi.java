package casebird.twitter.budget.sim;

import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Prices;
import casebird.twitter.budget.SpendMeter;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The API a run plays: Twitter's v1.1 (its limits, up to 5 free replies within 24 h of an
 * agent's DM, no charge) or X API v2 (its limits, every DM counted, pay-per-use at X's
 * published prices).
 */
enum SimApi {
    V1_1("v1.1", ApiLimits.v1_1(), 5),
    V2("v2", ApiLimits.v2(), 0);

    /** More event ids than a simulated day reads, so that the meter forgets none early. */
    private static final int REMEMBERED_IDS = 1_000_000;

    /** The APIs the benchmark runs every trace under. */
    static final List<SimApi> ALL = List.of(V1_1, V2);

    private final String label;
    private final ApiLimits limits;
    private final int freeReplies;

    SimApi(String label, ApiLimits limits, int freeReplies) {
        this.label = label;
        this.limits = limits;
        this.freeReplies = freeReplies;
    }

    /** The name the figures carry, as the {@code api} setting spells it. */
    String label() {
        return label;
    }

    /** The API's published limits, which the simulated API enforces. */
    ApiLimits limits() {
        return limits;
    }

    /** How many DMs to an agent within 24 h of the agent's DM do not count. */
    int freeReplies() {
        return freeReplies;
    }

    /**
     * The push modes the benchmark runs under this API: under v2 (the X Activity API) also
     * the stream down for five minutes.
     */
    List<Push> pushModes() {
        return this == V1_1 ? Push.MODES : Push.V2_MODES;
    }

    /** The meter X bills through on this API, without a cap: none on v1.1. */
    Optional<SpendMeter> meter(Clock clock) {
        return this == V2
                ? Optional.of(new SpendMeter(clock, Prices.published(), Optional.empty(),
                        REMEMBERED_IDS))
                : Optional.empty();
    }
}
