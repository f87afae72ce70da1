package casebird.twitter.budget.sim;

import casebird.twitter.budget.SpendMeter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's pay-per-use spend per UTC day, read from the plugin's {@link SpendMeter} just
 * before the virtual clock passes midnight (the meter starts each day from zero), and at
 * the end of the run.
 */
final class SimSpend {

    private final Optional<SpendMeter> meter;
    private final Map<LocalDate, BigDecimal> perDay = new TreeMap<>();

    SimSpend(Optional<SpendMeter> meter) {
        this.meter = meter;
    }

    /** The meter the plugin's parts charge, if the run's API bills per use. */
    Optional<SpendMeter> meter() {
        return meter;
    }

    /** Closes today's account when the clock is about to move from {@code now} into a later day. */
    void beforeAdvance(Instant now, Instant next) {
        if (!day(next).equals(day(now))) {
            record(now);
        }
    }

    /** Records the spend of the run's last day so far. */
    void finish(Instant now) {
        record(now);
    }

    /** The spend of the run's first UTC day, the trace's day; zero when not billed. */
    BigDecimal firstDay() {
        return perDay.values().stream().findFirst().orElse(BigDecimal.ZERO);
    }

    /** The spend per day as the benchmark prints it, e.g. {@code $12.34, then $0.50}. */
    String report() {
        if (meter.isEmpty()) {
            return "not billed per use";
        }
        return String.join(", then ", perDay.values().stream()
                .map(d -> "$" + d.setScale(2, RoundingMode.HALF_UP).toPlainString()).toList());
    }

    private void record(Instant now) {
        meter.ifPresent(m -> perDay.put(day(now), m.spentToday()));
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
