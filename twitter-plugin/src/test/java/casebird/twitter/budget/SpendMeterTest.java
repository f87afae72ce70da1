package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.twitter.budget.SpendMeter.Resource;
import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** X's pay-per-use bill, one UTC day at a time, and a daily cap that makes calls wait. */
class SpendMeterTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(MIDNIGHT.minus(Duration.ofMinutes(5)));

    private SpendMeter meter(Optional<String> cap, int remembered) {
        return new SpendMeter(clock, Prices.published(), cap.map(BigDecimal::new), remembered);
    }

    @Test
    void anEventReadAgainThatUtcDayIsFreeAndChargedAgainAfterMidnight() {
        SpendMeter meter = meter(Optional.empty(), 1000);
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2", "3"));
        meter.charge(Resource.DM_EVENT_READ, List.of("2", "3", "4"));

        assertEquals(new BigDecimal("0.040"), meter.spentToday());

        clock.advance(Duration.ofMinutes(6));
        meter.charge(Resource.DM_EVENT_READ, List.of("2"));

        assertEquals(new BigDecimal("0.010"), meter.spentToday());
    }

    @Test
    void everySendIsChargedAndUsersAndDeliveriesAreCountedApartFromEvents() {
        SpendMeter meter = meter(Optional.empty(), 1000);
        meter.chargeSend();
        meter.chargeSend();
        meter.charge(Resource.USER_RETURNED, List.of("7"));
        meter.charge(Resource.DM_DELIVERED, List.of("7"));
        meter.charge(Resource.DM_EVENT_READ, List.of("7"));

        assertEquals(new BigDecimal("0.060"), meter.spentToday());
    }

    @Test
    void aForgottenIdIsChargedAgainWhichErrsOnTheSideOfTheCap() {
        SpendMeter meter = meter(Optional.empty(), 2);
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2", "3"));
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "3"));

        assertEquals(new BigDecimal("0.040"), meter.spentToday());
    }

    @Test
    void nearTheCapACallItCannotPayForWaitsForTheNextUtcDay() {
        SpendMeter meter = meter(Optional.of("0.05"), 1000);
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2", "3", "4"));

        assertEquals(MIDNIGHT, meter.readyAt(Endpoint.DM_SEND));
        assertEquals(clock.instant(), meter.readyAt(Endpoint.DM_LIST));
        assertEquals(1, meter.affordable(Endpoint.DM_LIST, 50));

        meter.charge(Resource.DM_EVENT_READ, List.of("5"));

        assertEquals(MIDNIGHT, meter.readyAt(Endpoint.DM_LIST));
        assertEquals(clock.instant(), meter.readyAt(Endpoint.DM_DESTROY));
        clock.advance(Duration.ofMinutes(5));
        assertEquals(clock.instant(), meter.readyAt(Endpoint.DM_SEND));
        assertEquals(5, meter.affordable(Endpoint.DM_LIST, 50));
    }

    @Test
    void aBudgetWithTheMeterRefusesASendPastTheCapUntilMidnight() {
        SpendMeter meter = meter(Optional.of("0.02"), 1000);
        ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(2),
                        Duration.ofMinutes(5), new Random(3)),
                ApiLimits.v2(), Optional.of(meter));
        meter.chargeSend();

        BudgetSpentException e =
                assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_SEND));
        assertEquals(MIDNIGHT, e.until());
        assertEquals(MIDNIGHT, budget.readyAt(Endpoint.DM_SEND));
    }

    @Test
    void healthNamesTodaysSpendAndTheCap() {
        SpendMeter capped = meter(Optional.of("5"), 1000);
        capped.charge(Resource.DM_EVENT_READ, List.of("1", "2"));
        capped.chargeSend();

        assertEquals("today's spend: $0.04 of $5.00 cap", capped.summary());
        assertEquals("today's spend: $0.00 (no cap)", meter(Optional.empty(), 1).summary());
    }
}
