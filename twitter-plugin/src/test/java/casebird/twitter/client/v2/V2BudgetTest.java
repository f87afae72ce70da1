package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.client.Endpoint;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v2 port under the plugin's budget: page size passed through, headers learned. */
class V2BudgetTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofSeconds(5),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)));
    private final ScriptedServer x = ScriptedServer.start();
    private final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final BudgetedTwitter twitter = new BudgetedTwitter(
            new XApiV2Port(x.url(), http, (method, uri) -> "Bearer t", budget::learn), budget);

    @AfterEach
    void close() {
        http.close();
        x.close();
    }

    @Test
    void budgetedListAsksForThePageSizeAndLearnsTheWindowFromTheHeaders() {
        long reset = NOW.plus(Duration.ofMinutes(10)).getEpochSecond();
        x.enqueue(ScriptedServer.Reply.sample(200, "dm_events-page.json")
                .withHeader("x-rate-limit-limit", "15").withHeader("x-rate-limit-remaining", "3")
                .withHeader("x-rate-limit-reset", Long.toString(reset)));

        twitter.listEvents(Optional.empty(), 7);

        assertEquals("7", x.request(0).query().get("max_results"));
        assertEquals(3, budget.window(Endpoint.DM_LIST).remaining());
        assertEquals(Instant.ofEpochSecond(reset), budget.window(Endpoint.DM_LIST).reset());
    }
}
