package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.HostContext;
import casebird.api.PluginHealth;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MemoryCreatedResources;
import casebird.twitter.testing.MutableClock;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Push while the plugin runs: registration and what health says about it. */
class PushDeliveryTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock);
    private final List<PluginHealth> reports = new ArrayList<>();
    private final WebRoutes routes = (path, handler) -> new WebRoute() {
        @Override
        public URI url() {
            return URI.create("https://crm.example/plugins/casebird/" + path);
        }

        @Override
        public void close() {
        }
    };

    @Test
    void aQuietWebhookIsRenewedByRegisteringAgainWithoutReportingSilence() {
        PluginSettings settings = PluginSettings.from(Map.of("consumer-key", "ck",
                "consumer-secret", "cs", "access-token", "at", "access-token-secret", "ats",
                "webhook-env", "prod"));
        HostContext context = HostContext.of(new FakeCrm(), Map.of(), Path.of("unused"), clock,
                "1.1.0", reports::add, Optional.of(routes));
        PushDelivery push = PushDelivery.open(context, settings, twitter,
                new HealthTracker(reports::add, () -> 0, Map::of), Runnable::run,
                delivery -> { }, new PushDelivery.Xaa(Optional.empty(),
                        new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
                                Duration.ofSeconds(5), new Backoff(Duration.ofSeconds(1),
                                        Duration.ofSeconds(1), new Random(1))),
                        new MemoryCreatedResources(), OptionalLong::empty, () -> { },
                        new Random(1))).orElseThrow();
        push.tick(true);

        clock.advance(settings.push().silence().plusMinutes(1));
        push.tick(true);

        assertTrue(push.active());
        assertEquals(List.of(), reports.stream().map(PluginHealth::detail)
                .filter(detail -> detail.contains("silent")).toList());
    }
}
