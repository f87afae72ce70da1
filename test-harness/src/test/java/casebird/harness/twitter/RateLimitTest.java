package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateLimitTest extends FakeApiTest {

    private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);

    @Override
    Clock clock() {
        return clock;
    }

    private HttpResponse<String> list(TwitterAccount as) throws Exception {
        return calls.get(as, "direct_messages/events/list.json");
    }

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("absent");
    }

    @Test
    void defaultDmListLimitIs15Per15Seconds() throws Exception {
        HttpResponse<String> first = list(bot);

        assertEquals("15", header(first, "x-rate-limit-limit"));
        assertEquals("14", header(first, "x-rate-limit-remaining"));
        assertEquals(Long.toString(START.getEpochSecond() + 15),
                header(first, "x-rate-limit-reset"));
    }

    @Test
    void callPastTheLimitIs429Code88WithHeaders() throws Exception {
        api.setLimit(Endpoint.DM_LIST, 2, Duration.ofSeconds(10));
        list(bot);
        HttpResponse<String> last = list(bot);

        HttpResponse<String> refused = list(bot);

        assertEquals("0", header(last, "x-rate-limit-remaining"));
        assertEquals(429, refused.statusCode());
        assertEquals(88, SignedCalls.errorCode(refused));
        assertEquals("Rate limit exceeded",
                SignedCalls.json(refused).path("errors").path(0).path("message").asText());
        assertEquals("0", header(refused, "x-rate-limit-remaining"));
        assertEquals(Long.toString(START.getEpochSecond() + 10),
                header(refused, "x-rate-limit-reset"));
    }

    @Test
    void windowRefillsWhenTheClockPassesTheReset() throws Exception {
        api.setLimit(Endpoint.DM_LIST, 1, Duration.ofSeconds(10));
        list(bot);
        clock.advance(Duration.ofSeconds(10));

        HttpResponse<String> again = list(bot);

        assertEquals(200, again.statusCode());
        assertEquals("0", header(again, "x-rate-limit-remaining"));
    }

    @Test
    void limitsArePerAccountAndPerEndpoint() throws Exception {
        TwitterAccount alice = api.createAccount("alice_t");
        api.setLimit(Endpoint.DM_LIST, 1, Duration.ofSeconds(10));
        list(bot);

        assertEquals(200, list(alice).statusCode());
        assertEquals(200, calls.get(bot, "account/verify_credentials.json").statusCode());
        assertEquals(429, list(bot).statusCode());
    }

    @Test
    void liftedLimitAnswersThatPlentyIsLeft() throws Exception {
        api.setLimit(Endpoint.DM_LIST, 1, Duration.ofSeconds(10));
        list(bot);
        api.liftLimit(Endpoint.DM_LIST);

        HttpResponse<String> free = list(bot);

        assertEquals(200, free.statusCode());
        assertEquals(Optional.of(Integer.toString(RateLimits.UNLIMITED)),
                free.headers().firstValue("x-rate-limit-remaining"));
    }
}
