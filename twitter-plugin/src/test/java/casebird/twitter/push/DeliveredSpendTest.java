package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.budget.Prices;
import casebird.twitter.budget.SpendMeter;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each pushed dm.received costs price-dm-delivered once per event per UTC day. */
class DeliveredSpendTest {

    private static final long BOT = 1000L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T10:00:00Z"));
    private final SpendMeter meter =
            new SpendMeter(clock, Prices.published(), Optional.empty(), 1_000);
    private final List<Delivery> handled = new ArrayList<>();
    private final Consumer<Delivery> handler =
            PushDelivery.charging(Optional.of(meter), handled::add);

    private static Delivery delivery(long eventId, long recipient) {
        return new Delivery(OptionalLong.of(BOT), List.of(new DmEvent(eventId, 11L, recipient,
                "accept 1234", Instant.parse("2026-11-30T09:59:00Z"))));
    }

    @Test
    void aDeliveryRepeatedTheSameDayIsChargedOnceAndAgainTheNextDay() {
        handler.accept(delivery(1, BOT));
        handler.accept(delivery(1, BOT));
        handler.accept(delivery(2, BOT));
        assertEquals(new BigDecimal("0.020"), meter.spentToday());

        clock.advance(Duration.ofDays(1));
        handler.accept(delivery(1, BOT));

        assertEquals(new BigDecimal("0.010"), meter.spentToday());
        assertEquals(4, handled.size());
    }

    @Test
    void anEventForAnotherUserIsNotCharged() {
        handler.accept(delivery(1, 4242L));

        assertEquals(BigDecimal.ZERO, meter.spentToday());
    }
}
