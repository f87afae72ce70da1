package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FaultTest extends FakeApiTest {

    private static final Optional<Endpoint> DM_LIST = Optional.of(Endpoint.DM_LIST);
    private static final Optional<Endpoint> DM_SEND = Optional.of(Endpoint.DM_SEND);

    private TwitterAccount alice;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
    }

    private HttpResponse<String> list() throws Exception {
        return calls.get(bot, "direct_messages/events/list.json");
    }

    @Test
    void statusFaultAnswersTheNextNCallsThenStops() throws Exception {
        api.addFault(Fault.status(DM_LIST, 503, OptionalInt.empty(), 2));

        HttpResponse<String> first = list();
        HttpResponse<String> second = list();
        HttpResponse<String> third = list();

        assertEquals(503, first.statusCode());
        assertEquals(130, SignedCalls.errorCode(first));
        assertEquals(503, second.statusCode());
        assertEquals(200, third.statusCode());
    }

    @Test
    void statusFaultPutsItsCodeInTheBodyAndSendsNothing() throws Exception {
        api.addFault(Fault.status(DM_SEND, 403, OptionalInt.of(349), 1));

        TwitterHttpException refused = assertThrows(TwitterHttpException.class,
                () -> new FakeTwitterClient(api).sendDirectMessage(bot, alice.id(), "hi"));

        assertEquals(403, refused.status());
        assertTrue(refused.body().contains("\"code\":349"), refused.body());
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void aFaultForOneRecipientRefusesEverySendToItAndSparesOthers() throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");
        api.addFault(Fault.status(DM_SEND, 403, OptionalInt.of(349), Fault.ALWAYS)
                .to(bob.id()));
        FakeTwitterClient client = new FakeTwitterClient(api);

        client.sendDirectMessage(bot, alice.id(), "hi alice");
        for (int i = 0; i < 3; i++) {
            TwitterHttpException refused = assertThrows(TwitterHttpException.class,
                    () -> client.sendDirectMessage(bot, bob.id(), "hi bob"));
            assertTrue(refused.body().contains("\"code\":349"), refused.body());
        }
        client.sendDirectMessage(bot, alice.id(), "hi again");

        assertEquals(2, api.messages().size());
    }

    @Test
    void status429FaultAnswersLikeARateLimit() throws Exception {
        api.addFault(Fault.status(DM_LIST, 429, OptionalInt.empty(), 1));

        HttpResponse<String> limited = list();

        assertEquals(429, limited.statusCode());
        assertEquals(88, SignedCalls.errorCode(limited));
        assertEquals("0", limited.headers().firstValue("x-rate-limit-remaining").orElse(""));
        assertTrue(limited.headers().firstValue("x-rate-limit-reset").isPresent());
    }

    @Test
    void delayFaultAnswersNormallyAfterTheDelay() throws Exception {
        api.addFault(Fault.delay(DM_LIST, Duration.ofMillis(400), 1));
        long started = System.nanoTime();

        HttpResponse<String> slow = list();

        assertEquals(200, slow.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
    }

    @Test
    void resetFaultClosesTheConnectionWithoutAnswer() {
        api.addFault(Fault.reset(DM_SEND, 1));

        assertThrows(IOException.class,
                () -> new FakeTwitterClient(api).sendDirectMessage(bot, alice.id(), "hi"));

        assertTrue(api.messages().isEmpty());
        assertEquals(0, api.calls().get(0).status());
    }

    @Test
    void garbageFaultAnswers200WithBrokenJson() throws Exception {
        api.addFault(Fault.garbage(DM_LIST, 1));

        HttpResponse<String> broken = list();

        assertEquals(200, broken.statusCode());
        assertThrows(JsonProcessingException.class, () -> SignedCalls.json(broken));
    }

    @Test
    void faultForAnyEndpointTakesTheNextCallWhateverItIs() throws Exception {
        api.addFault(Fault.status(Optional.empty(), 500, OptionalInt.empty(), 1));

        HttpResponse<String> failed = calls.get(bot, "account/verify_credentials.json");

        assertEquals(500, failed.statusCode());
        assertEquals(131, SignedCalls.errorCode(failed));
        assertEquals(200, list().statusCode());
    }

    @Test
    void faultWaitsForAnAuthenticatedCallOfItsEndpoint() throws Exception {
        api.addFault(Fault.status(DM_LIST, 503, OptionalInt.empty(), 1));

        HttpResponse<String> unsigned = calls.unsigned("direct_messages/events/list.json");
        HttpResponse<String> otherEndpoint = calls.get(bot, "account/verify_credentials.json");

        assertEquals(401, unsigned.statusCode());
        assertEquals(200, otherEndpoint.statusCode());
        assertEquals(503, list().statusCode());
    }

    @Test
    void faultRejectsNonsense() {
        assertThrows(IllegalArgumentException.class,
                () -> Fault.status(DM_LIST, 200, OptionalInt.empty(), 1));
        assertThrows(IllegalArgumentException.class, () -> Fault.reset(DM_LIST, 0));
    }
}
