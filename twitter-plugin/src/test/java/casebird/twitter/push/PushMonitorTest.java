package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.PluginHealth;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Falling back to full-rate polling when Twitter goes quiet, and back to push. */
class PushMonitorTest {

    private static final Duration SILENCE = Duration.ofMinutes(65);
    private static final Duration POLL = Duration.ofMinutes(1);
    private static final Duration RECONCILE = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<PluginHealth> reports = new ArrayList<>();
    private final PushMonitor monitor = new PushMonitor(SILENCE, POLL, RECONCILE, clock,
            new HealthTracker(reports::add, () -> 0, Map::of));
    private final PollCadence cadence = new PollCadence(POLL, RECONCILE, monitor::active, clock);

    private String lastDetail() {
        monitor.check();
        return reports.get(reports.size() - 1).detail();
    }

    @Test
    void beforeRegistrationTheInboxIsPolledAtFullRate() {
        cadence.polled();

        assertFalse(monitor.active());
        assertTrue(cadence.due());
        assertEquals(POLL, cadence.interval());
        assertTrue(lastDetail().contains("push unavailable"), lastDetail());
    }

    @Test
    void whilePushWorksTheInboxIsOnlyReadEveryReconciliationInterval() {
        monitor.registered();
        cadence.polled();
        clock.advance(RECONCILE.minusSeconds(1));

        assertFalse(cadence.due());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(cadence.due());
        assertEquals(RECONCILE, cadence.interval());
        assertTrue(lastDetail().contains("push: webhook deliveries arriving"), lastDetail());
    }

    @Test
    void silenceLongerThanTheLimitFallsBackAndADeliveryReturnsToPush() {
        monitor.registered();
        clock.advance(SILENCE.minusMinutes(5));
        monitor.heard();
        clock.advance(SILENCE.minusSeconds(1));
        assertTrue(monitor.active());

        clock.advance(Duration.ofSeconds(1));
        cadence.polled();
        assertFalse(monitor.active());
        assertTrue(cadence.due());
        assertTrue(lastDetail().contains("push silent"), lastDetail());

        monitor.heard();
        assertTrue(monitor.active());
        assertFalse(cadence.due());
        assertTrue(lastDetail().contains("push: webhook deliveries arriving"), lastDetail());
    }

    @Test
    void aFailedRegistrationSaysWhyAndAChangeIsReportedOnce() {
        monitor.registrationFailed("HTTP 400 code 214");
        monitor.check();
        int before = reports.size();
        monitor.check();

        assertEquals(before, reports.size());
        assertTrue(reports.get(before - 1).detail().contains("HTTP 400 code 214"));
    }

    @Test
    void underXActivityApiPushWorksExactlyWhileXSaysSoWhateverTheSilence() {
        PushMonitor xaa = PushMonitor.confirmedByX(POLL, RECONCILE, clock,
                new HealthTracker(reports::add, () -> 0, Map::of), "the stream is not connected yet");
        PollCadence slow = new PollCadence(POLL, RECONCILE, xaa::active, clock);

        xaa.working("stream connected, dm.received subscription 7 for the bot");
        slow.polled();
        clock.advance(SILENCE.multipliedBy(3));
        assertTrue(xaa.active());
        slow.polled();
        assertFalse(slow.due());

        slow.readSoon();
        assertTrue(slow.due());
        xaa.failing("the stream is not connected: the stream dropped");
        assertFalse(xaa.active());
        xaa.check();
        assertTrue(reports.get(reports.size() - 1).detail().contains("push unavailable,"
                + " polling at full rate: the stream is not connected: the stream dropped"),
                reports.get(reports.size() - 1).detail());
    }
}
