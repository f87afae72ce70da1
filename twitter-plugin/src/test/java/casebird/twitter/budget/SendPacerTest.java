package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SendPacerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T09:00:00Z"));
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofSeconds(5),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)));
    private final SendPacer pacer = new SendPacer(budget);

    @Test
    void aFreshWindowKeepsAQuarterOfItsLimitBack() {
        assertEquals(750, pacer.capacity(clock.instant()));
    }

    @Test
    void theReserveShrinksWithTheTimeLeft() {
        budget.take(Endpoint.DM_SEND);
        clock.advance(Duration.ofHours(12));

        assertEquals(999 - 125, pacer.capacity(clock.instant()));
    }

    @Test
    void beyondTheCapacityNoticesAreSpreadOverTheTimeLeft() {
        long reset = clock.instant().plus(Duration.ofHours(10)).getEpochSecond();
        budget.learn(Endpoint.DM_SEND, 1000, 100, reset);
        pacer.noticeSent(clock.instant());

        Duration wait = Duration.between(clock.instant(), pacer.nextNoticeAt(clock.instant()));

        assertTrue(pacer.capacity(clock.instant()) < 1);
        assertEquals(Duration.ofHours(10).dividedBy(100), wait);
    }
}
