package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import com.google.common.base.Preconditions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Today's pay-per-use spend on X API v2, counted as X bills it: each DM event, user or
 * delivery once per UTC day (seen again that day it is free), each DM sent per request.
 *
 * <p>An optional daily cap is honoured like a spent rate limit: an endpoint whose cheapest
 * call would take the day's spend past the cap is not ready until the next UTC day, so
 * nothing is lost: notices and commands wait. The ids seen today are remembered up to a
 * bound; an id forgotten early is charged again, which errs on the side of the cap.
 * Thread-safe; the day comes from the injected clock.
 */
public final class SpendMeter {

    /** What X bills once per UTC day per id. */
    public enum Resource { DM_EVENT_READ, USER_RETURNED, DM_DELIVERED }

    private final Clock clock;
    private final Prices prices;
    private final Optional<BigDecimal> dailyCap;
    private final int remembered;
    private final Set<String> seenToday = new LinkedHashSet<>();
    private LocalDate today;
    private BigDecimal spent = BigDecimal.ZERO;

    /**
     * Creates a meter.
     *
     * @param dailyCap the most to spend per UTC day, in US dollars; empty for no cap
     * @param remembered how many resource ids of today it remembers at most
     */
    public SpendMeter(Clock clock, Prices prices, Optional<BigDecimal> dailyCap,
            int remembered) {
        Preconditions.checkArgument(remembered > 0, "remembered must be positive: %s",
                remembered);
        this.clock = clock;
        this.prices = prices;
        this.dailyCap = dailyCap;
        this.remembered = remembered;
        this.today = day(clock.instant());
    }

    /** Charges the resources an answer returned, each id once per UTC day. */
    public synchronized void charge(Resource resource, Collection<String> ids) {
        rollOver();
        for (String id : ids) {
            if (seenToday.add(resource + ":" + id)) {
                spent = spent.add(price(resource));
                forgetOldest();
            }
        }
    }

    /** Charges one DM sent: every request is billed. */
    public synchronized void chargeSend() {
        rollOver();
        spent = spent.add(prices.dmSent());
    }

    /** When a call to the endpoint may go: now, or the next UTC day once the cap is near. */
    public synchronized Instant readyAt(Endpoint endpoint) {
        return affordable(endpoint, 1) >= 1 ? clock.instant() : nextDay();
    }

    /**
     * How many of {@code wanted} resources of the endpoint's kind today's cap still pays
     * for (all of them when there is no cap or the endpoint is free).
     */
    public synchronized int affordable(Endpoint endpoint, int wanted) {
        rollOver();
        BigDecimal unit = unitPrice(endpoint);
        if (dailyCap.isEmpty() || unit.signum() == 0) {
            return wanted;
        }
        BigDecimal left = dailyCap.get().subtract(spent);
        return left.signum() <= 0 ? 0
                : left.divide(unit, 0, RoundingMode.FLOOR).min(BigDecimal.valueOf(wanted))
                        .intValue();
    }

    /** The start of the next UTC day, when the spend starts again from zero. */
    public synchronized Instant nextDay() {
        rollOver();
        return today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Today's spend so far, in US dollars. */
    public synchronized BigDecimal spentToday() {
        rollOver();
        return spent;
    }

    /** Today's spend for health, e.g. {@code today's spend: $1.23 of $5.00 cap}. */
    public synchronized String summary() {
        String line = "today's spend: " + dollars(spentToday());
        return dailyCap.map(cap -> line + " of " + dollars(cap) + " cap")
                .orElse(line + " (no cap)");
    }

    private BigDecimal unitPrice(Endpoint endpoint) {
        return switch (endpoint) {
            case DM_LIST -> prices.dmEventRead();
            case DM_SEND, DM_ROOM_SEND -> prices.dmSent();
            case USERS_LOOKUP, VERIFY_CREDENTIALS -> prices.userReturned();
            case DM_DESTROY, WEBHOOKS, ACTIVITY_STREAM -> BigDecimal.ZERO;
        };
    }

    private BigDecimal price(Resource resource) {
        return switch (resource) {
            case DM_EVENT_READ -> prices.dmEventRead();
            case USER_RETURNED -> prices.userReturned();
            case DM_DELIVERED -> prices.dmDelivered();
        };
    }

    private void rollOver() {
        LocalDate now = day(clock.instant());
        if (!now.equals(today)) {
            today = now;
            spent = BigDecimal.ZERO;
            seenToday.clear();
        }
    }

    private void forgetOldest() {
        Iterator<String> oldest = seenToday.iterator();
        while (seenToday.size() > remembered) {
            oldest.next();
            oldest.remove();
        }
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static String dollars(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
