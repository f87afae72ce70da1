package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ApiBudgetTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofSeconds(5),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)));

    private static TwitterApiException failure(int status, OptionalLong reset) {
        return new TwitterApiException("test", status, status == 429 ? 88 : -1, reset, null);
    }

    @Test
    void beforeAnyAnswerTheListBudgetIsTwittersPublishedFifteenAndNoCallGoesPastIt() {
        for (int i = 0; i < 15; i++) {
            budget.take(Endpoint.DM_LIST);
        }

        BudgetSpentException e =
                assertThrows(BudgetSpentException.class, () -> budget.take(Endpoint.DM_LIST));
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)).plusSeconds(5), e.until());
    }

    @Test
    void headersOverruleTheLocalCount() {
        long reset = clock.instant().plusSeconds(120).getEpochSecond();
        budget.learn(Endpoint.DM_SEND, 1000, 0, reset);

        assertEquals(Instant.ofEpochSecond(reset).plusSeconds(5),
                budget.readyAt(Endpoint.DM_SEND));
        clock.advance(Duration.ofSeconds(125));
        assertEquals(1000, budget.window(Endpoint.DM_SEND).remaining());
    }

    @Test
    void a429WaitsUntilTheResetHeaderPlusTheMargin() {
        long reset = clock.instant().plusSeconds(300).getEpochSecond();
        budget.failed(Endpoint.DM_LIST, failure(429, OptionalLong.of(reset)));

        assertEquals(Instant.ofEpochSecond(reset).plusSeconds(5),
                budget.readyAt(Endpoint.DM_LIST));
    }

    @Test
    void serverErrorsBackOffExponentiallyUpToTheCapAndASuccessEndsIt() {
        for (int failures = 1; failures <= 12; failures++) {
            budget.failed(Endpoint.DM_SEND, failure(503, OptionalLong.empty()));
            Duration wait = Duration.between(clock.instant(), budget.readyAt(Endpoint.DM_SEND));
            long ceiling = Math.min(300_000, 2_000L << (failures - 1));
            assertTrue(wait.toMillis() <= ceiling, "waited " + wait + " after " + failures);
        }
        clock.advance(Duration.ofMinutes(5));
        budget.succeeded(Endpoint.DM_SEND);
        budget.failed(Endpoint.DM_SEND, failure(-1, OptionalLong.empty()));

        assertTrue(Duration.between(clock.instant(), budget.readyAt(Endpoint.DM_SEND))
                .toMillis() <= 2_000);
    }

    @Test
    void aRefusalIsAnAnswerNotAReasonToBackOff() {
        budget.failed(Endpoint.DM_SEND, failure(403, OptionalLong.empty()));

        assertEquals(clock.instant(), budget.readyAt(Endpoint.DM_SEND));
    }
}
