package casebird.twitter.push;

import casebird.api.PluginHealth;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Backoff;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.ApiHttp;
import casebird.twitter.client.v2.AppBearer;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.testing.FakeActivityServer;
import casebird.twitter.testing.MemoryCreatedResources;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/** A fake X Activity API on loopback and the plugin's client, budget and store over it. */
final class XaaFixture implements AutoCloseable {

    static final long BOT = 1000000L;
    static final Duration RETRY = Duration.ofMillis(50);

    final FakeActivityServer x = new FakeActivityServer("Basic " + Base64.getEncoder()
            .encodeToString("ck:cs".getBytes(StandardCharsets.UTF_8)), Duration.ofMillis(100))
            .authorize(BOT);
    final ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2));
    final ActivityApi api = new ActivityApi(x.url(), http,
            new AppBearer(x.url().resolve("oauth2/token"), "ck", "cs", http), (e, l, r, t) -> { });
    final Clock clock = Clock.systemUTC();
    final Backoff backoff = new Backoff(RETRY, RETRY, new Random(7));
    final ApiBudget budget = new ApiBudget(clock, Duration.ofMinutes(15), Duration.ofHours(24),
            Duration.ofSeconds(1), backoff, ApiLimits.v2(), Optional.empty());
    final MemoryCreatedResources created = new MemoryCreatedResources();
    final List<PluginHealth> reports = new ArrayList<>();
    final HealthTracker health = new HealthTracker(reports::add, () -> 0, Map::of);

    SubscriptionKeeper keeper() {
        return new SubscriptionKeeper(api, budget, created);
    }

    String lastDetail() {
        return reports.isEmpty() ? "" : reports.get(reports.size() - 1).detail();
    }

    /** Waits (up to 10 s) until the condition holds; fails the test otherwise. */
    static void await(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    @Override
    public void close() {
        http.close();
        x.close();
    }
}
