package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** X's v2 limits with x-rate-limit-* headers, and faults answered in the problem format. */
class V2LimitsAndFaultsTest extends FakeApiTest {

    private static final Instant START = Instant.parse("2026-11-30T12:00:00Z");
    private static final Optional<Endpoint> DM_SEND = Optional.of(Endpoint.DM_SEND);

    private final MutableClock clock = new MutableClock(START);

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

    private static String header(HttpResponse<String> response, String name) {
        return response.headers().firstValue(name).orElse("absent");
    }

    @Test
    void dmListIs15Per15SecondsWithHeaders() throws Exception {
        HttpResponse<String> first = v2.get(token, "dm_events");

        assertEquals("15", header(first, "x-rate-limit-limit"));
        assertEquals("14", header(first, "x-rate-limit-remaining"));
        assertEquals(Long.toString(START.getEpochSecond() + 15),
                header(first, "x-rate-limit-reset"));
    }

    @Test
    void sixteenthSendIn15SecondsIs429InTheProblemFormatWithHeaders() throws Exception {
        for (int i = 0; i < 15; i++) {
            assertEquals(201, v2.send(token, alice, "notice " + i).statusCode());
        }

        HttpResponse<String> refused = v2.send(token, alice, "one too many");

        assertEquals(429, refused.statusCode());
        assertEquals("Too Many Requests", SignedCalls.json(refused).path("title").asText());
        assertEquals("0", header(refused, "x-rate-limit-remaining"));
        assertEquals(Long.toString(START.getEpochSecond() + 15),
                header(refused, "x-rate-limit-reset"));
        assertEquals(15, api.messages().size());
    }

    @Test
    void v2LimitsAreApartFromV11s() throws Exception {
        api.v2().setLimit(Endpoint.DM_LIST, 1, Duration.ofSeconds(10));
        v2.get(token, "dm_events");

        assertEquals(429, v2.get(token, "dm_events").statusCode());
        assertEquals(200, calls.get(bot, "direct_messages/events/list.json").statusCode());
    }

    @Test
    void destroyAllows300Per15Seconds() throws Exception {
        DirectMessage dm = api.deliver(alice.id(), bot.id(), "help");

        HttpResponse<String> deleted = v2.delete(token, "dm_events/" + dm.id());

        assertEquals("300", header(deleted, "x-rate-limit-limit"));
    }

    @Test
    void refusedDmsFaultIs403NamingTheRecipient() throws Exception {
        api.addFault(Fault.status(DM_SEND, 403, OptionalInt.of(349), 1));

        JsonNode problem = SignedCalls.json(v2.send(token, alice, "hi"));

        assertEquals(403, problem.path("status").asInt());
        assertEquals("https://api.x.com/2/problems/not-authorized-for-resource",
                problem.path("type").asText());
        assertEquals(Long.toString(alice.id()), problem.path("resource_id").asText());
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void aFaultForOneRecipientActsOnV2SendsToThatParticipantOnly() throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");
        api.addFault(Fault.status(DM_SEND, 403, OptionalInt.of(349), Fault.ALWAYS).to(bob.id()));

        int toAlice = v2.send(token, alice, "hi alice").statusCode();
        int toBob = v2.send(token, bob, "hi bob").statusCode();

        assertEquals(201, toAlice);
        assertEquals(403, toBob);
        assertEquals(1, api.messages().size());
    }

    @Test
    void userNotFoundFaultIs404NamingTheRecipient() throws Exception {
        api.addFault(Fault.status(DM_SEND, 404, OptionalInt.of(50), 1));

        HttpResponse<String> refused = v2.send(token, alice, "hi");

        assertEquals(404, refused.statusCode());
        assertEquals(Long.toString(alice.id()), SignedCalls.json(refused).path("resource_id")
                .asText());
    }

    @Test
    void otherStatusFaultIsAProblemNamingNoRecipient() throws Exception {
        api.addFault(Fault.status(DM_SEND, 503, OptionalInt.empty(), 1));

        HttpResponse<String> failed = v2.send(token, alice, "hi");

        assertEquals(503, failed.statusCode());
        JsonNode problem = SignedCalls.json(failed);
        assertEquals("Service Unavailable", problem.path("title").asText());
        assertFalse(problem.has("resource_id"));
        assertEquals(201, v2.send(token, alice, "hi").statusCode());
    }

    @Test
    void rateLimitFaultCarriesSpentHeaders() throws Exception {
        api.addFault(Fault.status(DM_SEND, 429, OptionalInt.empty(), 1));

        HttpResponse<String> refused = v2.send(token, alice, "hi");

        assertEquals(429, refused.statusCode());
        assertEquals("0", header(refused, "x-rate-limit-remaining"));
        assertEquals("15", header(refused, "x-rate-limit-limit"));
    }

    @Test
    void garbageFaultUnderV2IsBrokenJson() throws Exception {
        api.addFault(Fault.garbage(Optional.of(Endpoint.DM_LIST), 1));

        HttpResponse<String> broken = v2.get(token, "dm_events");

        assertEquals(200, broken.statusCode());
        assertTrue(broken.body().startsWith("{\"data\":["), broken.body());
    }
}
