package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.web.WebRequest;
import casebird.api.web.WebResponse;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.testing.MutableClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class WebhookEndpointTest {

    private static final String SECRET = "apiSecret";

    private static final Duration MAX_AGE = Duration.ofDays(2);

    /** A minute after the sample delivery's event was created. */
    private final MutableClock clock = new MutableClock(Instant.parse("2018-01-31T00:44:49Z"));
    private final PushMonitor monitor = new PushMonitor(Duration.ofMinutes(65),
            Duration.ofMinutes(1), Duration.ofMinutes(15), clock,
            new HealthTracker(h -> { }, () -> 0, Map::of));
    private final List<Delivery> delivered = new ArrayList<>();
    private final WebhookEndpoint endpoint = endpoint(MAX_AGE, 8, Runnable::run);

    private WebhookEndpoint endpoint(Duration maxAge, int queued, Executor executor) {
        return new WebhookEndpoint(new WebhookSignature(SECRET), monitor, maxAge, clock,
                new DeliveryQueue(queued, executor, delivered::add));
    }

    /** A real Account Activity delivery (see the harness's samples README for its source). */
    private static String sample() {
        String name = "/twitter/samples/courier_aaa_direct_message_events_webhook.json";
        try (InputStream in = WebhookEndpointTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebResponse post(byte[] body, Map<String, String> headers) {
        return endpoint.handle(new WebRequest("POST", Map.of(), headers,
                new ByteArrayInputStream(body)));
    }

    private WebResponse signedPost(String body) {
        return signedPost(endpoint, body);
    }

    private static WebResponse signedPost(WebhookEndpoint to, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = new WebhookSignature(SECRET).crcResponse(body);
        return to.handle(new WebRequest("POST", Map.of(),
                Map.of(WebhookEndpoint.SIGNATURE, signature), new ByteArrayInputStream(bytes)));
    }


    private WebResponse crc(String token) {
        return endpoint.handle(new WebRequest("GET", Map.of("crc_token", token), Map.of(),
                InputStream.nullInputStream()));
    }

    /** The expected token is openssl's: {@code openssl dgst -sha256 -hmac apiSecret -binary}. */
    @Test
    void crcChallengeIsAnsweredWithTheHmacOfTheToken() {
        WebResponse answer = crc("dGVzdCB0b2tlbg");

        assertEquals(200, answer.status());
        assertEquals("{\"response_token\":\"sha256=fr1e+HXkk22QzL1lYke8OcYVpmhm4D68RC5Z/FhvIE8=\"}",
                answer.body());
    }

    @Test
    void aCrcTokenNotShapedLikeTwittersIsRefusedUnsigned() {
        for (String token : List.of(sample(), "", "a".repeat(129), "abc def", "abc\"}")) {
            WebResponse answer = crc(token);

            assertEquals(400, answer.status(), token);
            assertFalse(answer.body().contains("sha256="), answer.body());
        }
    }

    @Test
    void aCrcTokenOfBase64UrlCharactersUpTo128IsAnswered() {
        assertEquals(200, crc("aZ09+/=_-".repeat(14) + "ab").status());
    }

    @Test
    void aCrcCheckIsNoProofThatPushWorks() {
        monitor.registered();
        clock.advance(Duration.ofMinutes(60));
        crc("dGVzdCB0b2tlbg");
        clock.advance(Duration.ofMinutes(60));

        assertFalse(monitor.active());
    }

    @Test
    void aSignedDeliveryIsHandedOverWithItsDmEvents() {
        WebResponse answer = signedPost(sample());

        assertEquals(200, answer.status());
        assertEquals(1, delivered.size());
        assertEquals(958501034212564996L, delivered.get(0).events().get(0).id());
        assertEquals(272953809L, delivered.get(0).events().get(0).senderId());
        assertEquals("Hello World &amp; good wishes.", delivered.get(0).events().get(0).text());
    }

    @Test
    void aDeliveryWithoutSignatureIs401AndAForgedOneIs403AndNeitherHasEffect() {
        byte[] body = sample().getBytes(StandardCharsets.UTF_8);
        String forged = new WebhookSignature("notTheSecret").crcResponse(sample());

        assertEquals(401, post(body, Map.of()).status());
        assertEquals(403, post(body, Map.of(WebhookEndpoint.SIGNATURE, forged)).status());
        assertEquals(List.of(), delivered);
        assertFalse(monitor.active());
    }

    @Test
    void anOversizedBodyIs413AndAMalformedOneIs400() {
        String huge = "{\"x\":\"" + "a".repeat(WebhookEndpoint.MAX_BODY) + "\"}";

        assertEquals(413, signedPost(huge).status());
        assertEquals(400, signedPost("{\"direct_message_events\":[{\"type\":\"message_c").status());
        assertEquals(400, signedPost("{\"direct_message_events\":[{\"type\":\"message_create\"}]}")
                .status());
        assertEquals(List.of(), delivered);
    }

    @Test
    void aFailingReaderOrOtherMethodGetsAStatusNotACrash() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        };

        assertEquals(400, endpoint.handle(new WebRequest("POST", Map.of(), Map.of(), broken))
                .status());
        assertEquals(405, endpoint.handle(new WebRequest("PUT", Map.of(), Map.of(),
                InputStream.nullInputStream())).status());
        assertEquals(400, endpoint.handle(new WebRequest("GET", Map.of(), Map.of(),
                InputStream.nullInputStream())).status());
    }

    @Test
    void aGenuineDeliveryCountsAsTwitterCallingAfterRegistration() {
        monitor.registered();
        clock.advance(Duration.ofMinutes(60));
        signedPost(sample());
        clock.advance(Duration.ofMinutes(60));

        assertTrue(monitor.active());
    }

    @Test
    void aReplayedDeliveryOlderThanTheMaxAgeIsRefusedAndHasNoEffect() {
        monitor.registered();
        clock.advance(MAX_AGE);

        WebResponse answer = signedPost(sample());

        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("958501034212564996"), answer.body());
        assertEquals(List.of(), delivered);
        clock.advance(Duration.ofMinutes(65));
        assertFalse(monitor.active());
    }

    @Test
    void aDeliveryJustYoungerThanTheMaxAgeIsHandedOver() {
        clock.advance(MAX_AGE.minusMinutes(2));

        assertEquals(200, signedPost(sample()).status());
        assertEquals(1, delivered.size());
    }

    @Test
    void aDeliveryOlderThanTheMemoryOfHandledEventsIsRefusedWhateverTheMaxAge() {
        WebhookEndpoint lenient = endpoint(Duration.ofDays(365), 8, Runnable::run);
        clock.advance(Duration.ofDays(32));

        assertEquals(400, signedPost(lenient, sample()).status());
        assertEquals(List.of(), delivered);
    }

    @Test
    void aFloodBeyondTheQueueGets503UntilTheSchedulerCatchesUp() {
        List<Runnable> waiting = new ArrayList<>();
        WebhookEndpoint busy = endpoint(MAX_AGE, 2, waiting::add);

        assertEquals(200, signedPost(busy, sample()).status());
        assertEquals(200, signedPost(busy, sample()).status());
        assertEquals(503, signedPost(busy, sample()).status());
        waiting.remove(0).run();
        assertEquals(200, signedPost(busy, sample()).status());
        assertEquals(1, delivered.size());
    }

    @Test
    void deeplyNestedJsonIs400NotAStackOverflow() {
        int depth = (WebhookEndpoint.MAX_BODY - 16) / 2;
        String nested = "{\"a\":" + "[".repeat(depth) + "]".repeat(depth) + "}";

        WebResponse answer = signedPost(nested);

        assertEquals(400, answer.status());
        assertTrue(answer.body().contains("nested"), answer.body());
        assertEquals(List.of(), delivered);
    }

    @Test
    void bracketsInsideADmTextDoNotCountAsNesting() {
        String text = "\\\"[" + "[{".repeat(100);
        String body = sample().replace("Hello World &amp; good wishes.", text);

        assertEquals(200, signedPost(body).status());
        assertEquals("\"[" + "[{".repeat(100), delivered.get(0).events().get(0).text());
    }

    /** X Activity API's sample, its event created a minute before the clock. */
    private static String xaaSample() {
        try (InputStream in = WebhookEndpointTest.class.getResourceAsStream(
                "/twitter/samples/v2/xaa-dm-received.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSignedXActivityApiDeliveryIsQueuedAndAForgedOneIsNot() {
        clock.advance(Duration.between(clock.instant(),
                Instant.ofEpochMilli(1796040005000L).plusSeconds(60)));
        String body = xaaSample();

        WebResponse forged = post(body.getBytes(StandardCharsets.UTF_8),
                Map.of(WebhookEndpoint.SIGNATURE, new WebhookSignature("other").crcResponse(body)));
        WebResponse signed = signedPost(body);

        assertEquals(403, forged.status());
        assertEquals(200, signed.status());
        assertEquals(1, delivered.size());
        assertEquals(1000000L, delivered.get(0).forUserId().getAsLong());
        assertEquals("accept 1234", delivered.get(0).events().get(0).text());
    }
}
