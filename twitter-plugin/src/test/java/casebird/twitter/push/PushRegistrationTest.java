package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.web.WebRoute;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.testing.FailingTwitter;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class PushRegistrationTest {

    private static final URI URL = URI.create("https://crm.example/plugins/casebird/hook");
    private static final Duration RETRY = Duration.ofMinutes(15);

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock);
    private final FailingTwitter failing = new FailingTwitter(twitter);
    private final PushMonitor monitor = new PushMonitor(Duration.ofMinutes(65),
            Duration.ofMinutes(1), RETRY, clock, new HealthTracker(h -> { }, () -> 0, Map::of));
    private final WebRoute route = new WebRoute() {
        @Override
        public URI url() {
            return URL;
        }

        @Override
        public void close() {
        }
    };
    private final PushRegistration registration =
            new PushRegistration(failing, "prod", route, monitor, RETRY, clock);

    @Test
    void registersTheRoutesUrlOnceAndPushIsActive() {
        registration.runIfDue();
        registration.runIfDue();

        assertEquals(List.of(URL), twitter.webhooks());
        assertTrue(monitor.active());
    }

    @Test
    void aFailedRegistrationIsRetriedAfterTheRetryInterval() {
        failing.failNextWebhook(new TwitterApiException("webhooks failed: CRC", 400, 214,
                OptionalLong.empty(), null));
        registration.runIfDue();
        clock.advance(RETRY.minusSeconds(1));
        registration.runIfDue();
        assertFalse(monitor.active());

        clock.advance(Duration.ofSeconds(1));
        registration.runIfDue();
        assertEquals(List.of(URL), twitter.webhooks());
        assertTrue(monitor.active());
    }

    @Test
    void aSilentWebhookIsRegisteredAgainToRevalidateIt() {
        registration.runIfDue();
        clock.advance(Duration.ofMinutes(66));
        registration.runIfDue();

        assertEquals(List.of(URL, URL), twitter.webhooks());
    }
}
