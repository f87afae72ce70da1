package casebird.twitter.budget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PollPlannerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T09:00:00Z"));
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofSeconds(5),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)));
    private final PollPlanner planner = new PollPlanner(budget, Duration.ofMinutes(2),
            Duration.ofSeconds(10), Duration.ofMinutes(6));

    private int pollsUntil(Instant end) {
        int polls = 0;
        while (clock.instant().isBefore(end)) {
            Instant next = planner.nextPoll(clock.instant());
            if (!next.isAfter(clock.instant())) {
                budget.take(Endpoint.DM_LIST);
                planner.polled(clock.instant(), true);
                polls++;
                next = planner.nextPoll(clock.instant());
            }
            clock.advance(Duration.between(clock.instant(), next.isBefore(end) ? next : end));
        }
        return polls;
    }

    @Test
    void whenIdleTheWindowsCallsAreSpreadAcrossIt() {
        planner.polled(clock.instant(), true);
        budget.take(Endpoint.DM_LIST);

        Duration gap = Duration.between(clock.instant(), planner.nextPoll(clock.instant()));

        assertEquals(Duration.ofMinutes(15).dividedBy(14), gap);
    }

    @Test
    void whenBudgetIsPlentifulItPollsAtTheShortestGapAndSendingNeverSlowsThat() {
        budget.learn(Endpoint.DM_LIST, 100_000, 100_000,
                clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond());
        planner.polled(clock.instant(), true);
        Duration idle = Duration.between(clock.instant(), planner.nextPoll(clock.instant()));
        planner.sent(clock.instant(), 3);

        Duration likely = Duration.between(clock.instant(), planner.nextPoll(clock.instant()));

        assertEquals(Duration.ofSeconds(10), idle, "plentiful budget polls at the shortest gap");
        assertTrue(likely.compareTo(idle) <= 0, likely + " vs " + idle);
    }

    @Test
    void afterSendingItPollsSoonerButNeverPastTheWindow() {
        planner.polled(clock.instant(), true);
        budget.take(Endpoint.DM_LIST);
        Duration idle = Duration.between(clock.instant(), planner.nextPoll(clock.instant()));
        planner.sent(clock.instant(), 3);

        Duration likely = Duration.between(clock.instant(), planner.nextPoll(clock.instant()));
        int polls = pollsUntil(clock.instant().plus(Duration.ofMinutes(15)));

        assertTrue(likely.compareTo(idle) < 0, likely + " vs " + idle);
        assertTrue(polls <= 14, "polled " + polls + " times on 14 calls left");
    }

    @Test
    void aSpentWindowWaitsForItsRenewal() {
        for (int i = 0; i < 15; i++) {
            budget.take(Endpoint.DM_LIST);
        }

        assertEquals(budget.renewedAt(Endpoint.DM_LIST), planner.nextPoll(clock.instant()));
    }

    @Test
    void manySentDmsMakeAPollCostMorePages() {
        planner.sent(clock.instant(), 120);

        assertEquals(3, planner.pagesNeeded());
        planner.polled(clock.instant(), true);
        assertEquals(1, planner.pagesNeeded());
    }
}
