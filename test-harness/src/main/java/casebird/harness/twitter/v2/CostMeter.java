package casebird.harness.twitter.v2;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * What the fake's X API v2 calls would cost at X's pay-per-use prices: each resource is
 * charged once per UTC day, as X bills (reading the same DM event again that day is free).
 */
public final class CostMeter {

    /** X's published price of one resource of each kind (X-API-V2.md, 2026). */
    public enum Price {
        /** A DM event returned by a list call, the bot's own sent DMs too. */
        DM_EVENT_READ("0.010"),
        /** A DM sent: one request. */
        DM_SENT("0.015"),
        /** A user returned by a lookup. */
        USER_READ("0.010"),
        /** A {@code dm.received} event delivered on the stream or to a webhook. */
        DM_DELIVERED("0.010");

        private final BigDecimal dollars;

        Price(String dollars) {
            this.dollars = new BigDecimal(dollars);
        }

        /** The price of one resource, in US dollars. */
        public BigDecimal dollars() {
            return dollars;
        }
    }

    private record Charge(Price price, String resourceId, LocalDate day) {
    }

    private final Clock clock;
    private final Set<Charge> charged = new HashSet<>();
    private BigDecimal spent = BigDecimal.ZERO;

    /** A meter that reads the day from {@code clock}, in UTC. */
    public CostMeter(Clock clock) {
        this.clock = clock;
    }

    /** Charges one resource unless it was already charged today (UTC). */
    public synchronized void charge(Price price, String resourceId) {
        Objects.requireNonNull(resourceId, "resourceId");
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (charged.add(new Charge(price, resourceId, today))) {
            spent = spent.add(price.dollars());
        }
    }

    /** The dollars spent so far. */
    public synchronized BigDecimal spent() {
        return spent;
    }
}
