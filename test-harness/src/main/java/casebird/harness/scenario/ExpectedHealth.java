package casebird.harness.scenario;

import casebird.api.PluginHealth;
import casebird.harness.host.HealthText;
import casebird.harness.host.SimulatedHost;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Checks {@code expect health}: waits until the plugin's latest report matches. */
final class ExpectedHealth {

    private ExpectedHealth() {}

    static void check(World world, Step.ExpectHealth e, Duration within)
            throws StepFailure, InterruptedException {
        if (Waiting.until(within, () -> latest(world).filter(h -> matches(e, h)).isPresent())) {
            return;
        }
        throw new StepFailure("expected health" + e.credentials().map(c -> " credentials=" + c)
                .orElse("") + e.detail().map(d -> " ~ \"" + d.pattern() + "\"").orElse("")
                + " within " + within.toSeconds() + "s, but the latest report was:\n"
                + HealthText.of(latest(world), Instant.now()));
    }

    private static Optional<PluginHealth> latest(World world) {
        return world.host().flatMap(SimulatedHost::health);
    }

    private static boolean matches(Step.ExpectHealth e, PluginHealth h) {
        return e.credentials().map(c -> c.equals(h.credentials().name()
                        .toLowerCase(Locale.ROOT))).orElse(true)
                && e.detail().map(d -> d.matcher(h.detail()).find()).orElse(true);
    }
}
