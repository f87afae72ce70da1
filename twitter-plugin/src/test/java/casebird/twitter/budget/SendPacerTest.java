package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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

    @Test
    void aDayOfSteadySendsUnderV2LastsUntilTheDayEnds() {
        // Given X's answers granting 30 sends per 15 minutes, above the day's 1,440 / 96
        ApiBudget v2 = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5),
                        new Random(3)), ApiLimits.v2(), Optional.empty());
        SendPacer daily = new SendPacer(v2);
        Instant start = clock.instant();
        v2.learn(Endpoint.DM_SEND, 30, 30, start.plus(Duration.ofMinutes(15)).getEpochSecond());
        int lastHour = 0;
        int sent = 0;
        // When a notice waits at every moment of the day, offered every 20 seconds
        while (clock.instant().isBefore(start.plus(Duration.ofHours(24)))) {
            Instant now = clock.instant();
            boolean mayGo = daily.capacity(now) >= 1 || !daily.nextNoticeAt(now).isAfter(now);
            if (mayGo && !v2.readyAt(Endpoint.DM_SEND).isAfter(now)) {
                v2.take(Endpoint.DM_SEND);
                daily.noticeSent(now);
                sent++;
                lastHour += now.isAfter(start.plus(Duration.ofHours(23))) ? 1 : 0;
            }
            clock.advance(Duration.ofSeconds(20));
        }

        // Then the day's sends are spread over it: its last hour still sends
        assertTrue(sent <= 1440, "sent " + sent);
        assertTrue(lastHour >= 40, "sent " + lastHour + " in the last hour, " + sent + " in all");
    }
}
