package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What v2 calls would cost at X's prices, each resource charged once per UTC day. */
class CostMeterTest extends FakeApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T23:59:00Z"));

    private TwitterAccount alice;
    private String token;

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        token = v2.token(bot);
    }

    private BigDecimal spent() {
        return api.v2().costMeter().spent();
    }

    @Test
    void eachEventReadIsChargedOncePerUtcDay() throws Exception {
        api.deliver(alice.id(), bot.id(), "accept 1234");
        api.deliver(alice.id(), bot.id(), "log 1234 called");

        v2.get(token, "dm_events");
        v2.get(token, "dm_events");
        BigDecimal sameDay = spent();
        clock.advance(Duration.ofMinutes(1));
        v2.get(token, "dm_events");

        assertEquals(new BigDecimal("0.020"), sameDay);
        assertEquals(new BigDecimal("0.040"), spent());
    }

    @Test
    void eachDmSentCostsOneAndAHalfCents() throws Exception {
        v2.send(token, alice, "New case 1234");
        v2.send(token, alice, "New case 1235");

        assertEquals(new BigDecimal("0.030"), spent());
    }

    @Test
    void eachUserReturnedIsChargedAndUnknownNamesAreFree() throws Exception {
        v2.get(token, "users/by?usernames=alice_t,gone_user");
        v2.get(token, "users/by?usernames=alice_t");
        v2.get(token, "users/me");

        assertEquals(new BigDecimal("0.020"), spent());
    }

    @Test
    void refusedAndV11CallsCostNothing() throws Exception {
        api.deliver(alice.id(), bot.id(), "help");

        v2.get("not-a-token", "dm_events");
        calls.get(bot, "direct_messages/events/list.json");

        assertEquals(BigDecimal.ZERO, spent());
    }
}
