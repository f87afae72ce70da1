package casebird.twitter.push;

import static casebird.twitter.push.XaaFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The stream reader: keep-alives, silence and drops, reconnects and stop. */
class ActivityStreamReaderTest {

    private final XaaFixture fixture = new XaaFixture();
    private final AtomicInteger connects = new AtomicInteger();
    private final List<String> downs = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ActivityStreamReader.Listener listener = new ActivityStreamReader.Listener() {
        @Override
        public void connected() {
            connects.incrementAndGet();
        }

        @Override
        public void down(String why) {
            downs.add(why);
        }

        @Override
        public void event(String line) {
            events.add(line);
        }
    };

    private ActivityStreamReader reader(Duration silence) {
        return new ActivityStreamReader(fixture.api, fixture.budget, silence, fixture.backoff,
                fixture.clock, listener);
    }

    private static boolean readerThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t ->
                t.getName().equals(ActivityStreamReader.THREAD_NAME) && t.isAlive());
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void keepAlivesKeepOneConnectionAndEventLinesReachTheListener() throws Exception {
        ActivityStreamReader reader = reader(Duration.ofMillis(600));
        reader.start();
        await("connected", () -> connects.get() == 1);

        Thread.sleep(1_500);
        fixture.x.publish("{\"data\":{\"event_type\":\"dm.received\"}}");
        await("event", () -> events.size() == 1);
        reader.stop(Duration.ofSeconds(5));

        assertEquals(1, fixture.x.connections());
        assertEquals(List.of(), downs);
        assertEquals(List.of("{\"data\":{\"event_type\":\"dm.received\"}}"), events);
    }

    @Test
    void aSilentStreamCountsAsDeadAndIsReconnected() {
        ActivityStreamReader reader = reader(Duration.ofMillis(400));
        reader.start();
        await("connected", () -> connects.get() == 1);

        fixture.x.stall(true);
        await("declared dead", () -> !downs.isEmpty());
        fixture.x.stall(false);
        await("reconnected", () -> connects.get() == 2);
        reader.stop(Duration.ofSeconds(5));

        assertTrue(downs.get(0).startsWith("the stream sent nothing for 0.4s (stream-silence)"),
                downs.get(0));
    }

    @Test
    void aDroppedStreamIsReconnectedAndEachConnectAsksForAReconciliation() {
        ActivityStreamReader reader = reader(Duration.ofSeconds(5));
        reader.start();
        await("connected", () -> connects.get() == 1);

        fixture.x.drop();
        await("reconnected", () -> connects.get() == 2);
        fixture.x.drop();
        await("reconnected again", () -> connects.get() == 3);
        reader.stop(Duration.ofSeconds(5));

        assertEquals(3, fixture.x.connections());
        assertEquals(2, downs.size(), downs.toString());
        assertTrue(downs.get(0).startsWith("the stream dropped"), downs.get(0));
    }

    @Test
    void stopClosesABlockedReadAndJoinsTheThread() {
        ActivityStreamReader reader = reader(Duration.ofMinutes(5));
        fixture.x.stall(true);
        reader.start();
        await("connected", () -> connects.get() == 1);

        Thread stopping = new Thread(() -> reader.stop(Duration.ofSeconds(2)));
        stopping.start();
        await("stop returned", () -> !stopping.isAlive());

        assertFalse(readerThreadAlive());
    }

    @Test
    void aStreamXRefusesIsTriedAgainWithBackoff() {
        ActivityStreamReader reader = new ActivityStreamReader(new casebird.twitter.client.v2
                .ActivityApi(fixture.x.url(), fixture.http, new casebird.twitter.client.v2
                        .AppBearer(fixture.x.url().resolve("oauth2/token"), "ck", "wrong",
                                fixture.http), (e, l, r, t) -> { }),
                fixture.budget, Duration.ofSeconds(5), fixture.backoff, fixture.clock, listener);
        reader.start();
        await("two refusals", () -> downs.size() >= 2);
        reader.stop(Duration.ofSeconds(5));

        assertEquals(0, connects.get());
        assertTrue(downs.get(0).contains("wrong consumer pair"), downs.get(0));
    }

    @Test
    void aStreamRefusedAsTooManyConnectionsSaysSoAndConnectsOnceASlotIsFree() {
        fixture.x.refuseStreamsAsTooMany(true);
        ActivityStreamReader reader = reader(Duration.ofSeconds(5));
        reader.start();
        await("a refusal", () -> !downs.isEmpty());
        fixture.x.refuseStreamsAsTooMany(false);
        await("a connection once X has room", () -> connects.get() > 0);
        reader.stop(Duration.ofSeconds(5));

        assertTrue(downs.get(0).contains("TooManyConnections")
                || downs.get(0).contains("connections open"), downs.get(0));
    }
}
