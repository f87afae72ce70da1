package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A budget on X API v2's limits: 15 sends per 15 minutes, 1,440 a day, replies counted. */
class V2LimitsTest {

    private static final Duration MARGIN = Duration.ofSeconds(5);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T00:00:00Z"));
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), MARGIN,
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)),
            ApiLimits.v2(), Optional.empty());

    @Test
    void fifteenSendsGoPerWindowAndTheSixteenthWaitsForTheNextWindow() {
        Instant start = clock.instant();
        sendAll(15);

        BudgetSpentException e =
                assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_SEND));
        assertEquals(start.plus(Duration.ofMinutes(15)).plus(MARGIN), e.until());
    }

    @Test
    void afterFourteenHundredFortySendsTheDayIsSpentEvenWhenHeadersSayTheWindowHasRoom() {
        Instant start = clock.instant();
        for (int window = 0; window < 96; window++) {
            clock.advance(window == 0 ? Duration.ZERO : Duration.ofMinutes(15));
            sendAll(15);
        }
        long xWindowReset = clock.instant().plus(Duration.ofMinutes(10)).getEpochSecond();
        budget.learn(Endpoint.DM_SEND, 15, 15, xWindowReset);

        BudgetSpentException e =
                assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_SEND));
        Instant dayEnds = start.plus(Duration.ofHours(24)).plus(MARGIN);
        assertEquals(dayEnds, e.until());
        assertEquals(0, budget.window(Endpoint.DM_SEND).remaining());
        assertEquals(dayEnds, budget.renewedAt(Endpoint.DM_SEND));
    }

    @Test
    void roomSendsShareTheSendWindowBothWays() {
        for (int i = 0; i < 10; i++) {
            budget.take(Endpoint.DM_ROOM_SEND);
        }
        sendAll(5);

        assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_ROOM_SEND));
        assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_SEND));
        clock.advance(Duration.ofMinutes(16));
        budget.learn(Endpoint.DM_ROOM_SEND, 15, 0,
                clock.instant().plus(Duration.ofMinutes(7)).getEpochSecond());
        assertEquals(clock.instant().plus(Duration.ofMinutes(7)).plus(MARGIN),
                budget.readyAt(Endpoint.DM_SEND));
    }

    @Test
    void repliesSpendTheSendWindowSoNoticesFindNoCapacityLeft() {
        SendPacer pacer = new SendPacer(budget);
        sendAll(12);

        assertEquals(0, pacer.capacity(clock.instant()));
        assertEquals(3, budget.left().get(Endpoint.DM_SEND.path()));
    }

    @Test
    void v1LimitsKeepTwittersThousandSendsADay() {
        ApiBudget v1 = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                MARGIN, new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5),
                        new Random(3)), ApiLimits.v1_1(), Optional.empty());

        assertEquals(1000, v1.window(Endpoint.DM_SEND).remaining());
        assertEquals(Duration.ofHours(24), v1.windowLength(Endpoint.DM_SEND));
        assertEquals(Duration.ofMinutes(15), budget.windowLength(Endpoint.DM_SEND));
    }

    private void sendAll(int sends) {
        for (int i = 0; i < sends; i++) {
            budget.take(Endpoint.DM_SEND);
        }
    }
}
