package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.budget.MeteredTwitter;
import casebird.twitter.budget.Prices;
import casebird.twitter.budget.SpendMeter.Resource;
import casebird.twitter.budget.SpendMeter;
import casebird.twitter.testing.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v2 port billed to a spend meter with a $0.05 daily cap, across a UTC midnight. */
class MeteredV2Test {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(MIDNIGHT.minus(Duration.ofMinutes(1)));
    private final SpendMeter meter = new SpendMeter(clock, Prices.published(),
            Optional.of(new BigDecimal("0.05")), 1000);
    private final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15),
            Duration.ofHours(24), Duration.ofSeconds(5),
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(3)),
            ApiLimits.v2(), Optional.of(meter));
    private final ScriptedServer x = ScriptedServer.start();
    private final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final MeteredTwitter twitter = new MeteredTwitter(new BudgetedTwitter(
            new XApiV2Port(x.url(), http, (method, uri) -> "Bearer t", budget::learn), budget),
            meter);

    @AfterEach
    void close() {
        http.close();
        x.close();
    }

    @Test
    void aListAsksForNoMoreEventsThanTheCapPaysForAndIsChargedForWhatCame() {
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2"));
        x.enqueue(ScriptedServer.Reply.sample(200, "dm_events-page.json"));

        twitter.listEvents(Optional.empty(), 50);

        assertEquals("3", x.request(0).query().get("max_results"));
        assertEquals(new BigDecimal("0.060"), meter.spentToday());
    }

    @Test
    void aSendPastTheCapWaitsForMidnightWithoutAskingXAndGoesAfterIt() {
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2", "3", "4"));

        BudgetSpentException e = assertThrows(BudgetSpentException.class,
                () -> twitter.send(1000001L, "Case 1234 accepted by alice"));

        assertEquals(MIDNIGHT, e.until());
        assertEquals(0, x.requests().size());
        clock.advance(Duration.ofMinutes(1));
        x.enqueue(ScriptedServer.Reply.sample(201, "dm_send-response.json"));
        twitter.send(1000001L, "Case 1234 accepted by alice");
        assertEquals(new BigDecimal("0.015"), meter.spentToday());
    }

    @Test
    void aLookupOfMoreUsersThanTheCapPaysForIsNotMade() {
        meter.charge(Resource.DM_EVENT_READ, List.of("1", "2", "3", "4"));

        assertThrows(BudgetSpentException.class,
                () -> twitter.lookupIds(List.of("alice_t", "bob_t")));
        assertEquals(0, x.requests().size());
    }

    @Test
    void theBotsOwnAccountIsChargedAsAUserReturned() {
        x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json"));

        twitter.verifyCredentials();

        assertEquals(new BigDecimal("0.010"), meter.spentToday());
    }

    @Test
    void openingARoomAndPostingInItCostASendEach() {
        x.enqueue(ScriptedServer.Reply.sample(201, "dm_group-create-response.json"));
        x.enqueue(ScriptedServer.Reply.sample(201, "dm_send-response.json"));

        long room = twitter.createRoom(List.of(1000001L, 1000002L), "New case 1234")
                .conversationId();
        twitter.postToRoom(room, "Case 1234 accepted by alice");

        assertEquals(new BigDecimal("0.030"), meter.spentToday());
    }
}
