package casebird.harness.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Per-endpoint, per-account fixed-window call limits, timed by the injected clock. An
 * endpoint may have a daily window beside its short one (a call needs room in both), and
 * may count against another endpoint's windows (v2's group sends against one-to-one sends).
 */
final class RateLimits {

    private record Limit(int calls, Duration window) {
    }

    private record Key(Endpoint endpoint, long accountId, boolean daily) {
    }

    private record Window(Instant reset, int used) {
    }

    /** What is left of one window, as Twitter's x-rate-limit-* headers say it. */
    record Quota(int limit, int remaining, Instant reset) {
        Map<String, String> headers() {
            long resetSeconds = (reset.toEpochMilli() + 999) / 1000;
            return Map.of("x-rate-limit-limit", Integer.toString(limit),
                    "x-rate-limit-remaining", Integer.toString(remaining),
                    "x-rate-limit-reset", Long.toString(resetSeconds));
        }
    }

    private final Clock clock;
    private final Map<Endpoint, Limit> limits = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Limit> daily = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Endpoint> countsAs = new EnumMap<>(Endpoint.class);
    private final Map<Key, Window> windows = new HashMap<>();
    private Consumer<TwitterChange> log = change -> { };

    private RateLimits(Clock clock) {
        this.clock = clock;
    }

    /** Twitter's published v1.1 limits, every window scaled by 1/60. */
    static RateLimits v1(Clock clock) {
        RateLimits limits = new RateLimits(clock);
        limits.set(Endpoint.DM_LIST, 15, Duration.ofSeconds(15));
        limits.set(Endpoint.DM_SHOW, 15, Duration.ofSeconds(15));
        limits.set(Endpoint.DM_SEND, 1000, Duration.ofSeconds(1440));
        limits.set(Endpoint.DM_DESTROY, 15, Duration.ofSeconds(15));
        limits.set(Endpoint.USERS_LOOKUP, 900, Duration.ofSeconds(15));
        limits.set(Endpoint.USERS_SHOW, 900, Duration.ofSeconds(15));
        limits.set(Endpoint.VERIFY_CREDENTIALS, 75, Duration.ofSeconds(15));
        return limits;
    }

    /**
     * X's published v2 limits per user, every window scaled by 1/60; no free replies.
     * One-to-one and group sends share 15 per 15 s and 1,440 per 1,440 s.
     */
    static RateLimits v2(Clock clock) {
        RateLimits limits = new RateLimits(clock);
        limits.countsAs.put(Endpoint.DM_ROOM_SEND, Endpoint.DM_SEND);
        limits.set(Endpoint.DM_LIST, 15, Duration.ofSeconds(15));
        limits.set(Endpoint.DM_SEND, 15, Duration.ofSeconds(15));
        limits.daily.put(Endpoint.DM_SEND, new Limit(1440, Duration.ofSeconds(1440)));
        limits.set(Endpoint.DM_DESTROY, 300, Duration.ofSeconds(15));
        limits.set(Endpoint.USERS_LOOKUP, 900, Duration.ofSeconds(15));
        limits.set(Endpoint.VERIFY_CREDENTIALS, 75, Duration.ofSeconds(15));
        limits.set(Endpoint.ACTIVITY_STREAM, 450, Duration.ofSeconds(15));
        return limits;
    }

    /** From now on hands every change of a limit to {@code log} before it applies. */
    synchronized void logTo(Consumer<TwitterChange> log) {
        this.log = log;
    }

    /** Applies a limit change from the journal. */
    synchronized void restore(TwitterChange change) {
        if (change instanceof TwitterChange.Limit l) {
            put(Endpoint.valueOf(l.endpoint()), new Limit(l.calls(),
                    Duration.ofMillis(l.windowMillis())));
        } else if (change instanceof TwitterChange.Lift l) {
            put(Endpoint.valueOf(l.endpoint()), null);
        }
    }

    /** Sets an endpoint's limit; every account starts a fresh window under it. */
    synchronized void set(Endpoint named, int calls, Duration window) {
        Endpoint endpoint = bucket(named);
        if (calls < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException(
                    "a limit needs calls >= 1 and a positive window: " + calls + "/" + window);
        }
        log.accept(new TwitterChange.Limit(endpoint.name(), calls, window.toMillis()));
        put(endpoint, new Limit(calls, window));
    }

    /**
     * Removes an endpoint's limit: its answers then say {@link #UNLIMITED} calls are left,
     * so that a client which budgets by the headers (as it must with Twitter) sees plenty.
     */
    synchronized void lift(Endpoint named) {
        Endpoint endpoint = bucket(named);
        log.accept(new TwitterChange.Lift(endpoint.name()));
        put(endpoint, null);
        daily.remove(endpoint);
    }

    /** The endpoint whose windows a call to {@code endpoint} counts in. */
    private Endpoint bucket(Endpoint endpoint) {
        return countsAs.getOrDefault(endpoint, endpoint);
    }

    /** Sets (or, given null, removes) a limit; every account starts a fresh window. */
    private void put(Endpoint endpoint, Limit limit) {
        if (limit == null) {
            limits.remove(endpoint);
        } else {
            limits.put(endpoint, limit);
        }
        windows.keySet().removeIf(key -> key.endpoint() == endpoint);
    }

    /** The limit and the calls left that a lifted endpoint's answers report. */
    static final int UNLIMITED = 1_000_000_000;

    /** How far ahead a lifted endpoint's answers put the window's reset (a scaled 15 min). */
    private static final Duration UNLIMITED_WINDOW = Duration.ofSeconds(15);

    /**
     * Counts one call, returning the quota left (unlimited for a lifted endpoint).
     *
     * @throws TwitterApiError 429 code 88 with the rate headers when the window is used up
     */
    synchronized Quota consume(Endpoint named, long accountId) {
        Endpoint endpoint = bucket(named);
        Limit limit = limits.get(endpoint);
        Limit day = daily.get(endpoint);
        if (limit == null && day == null) {
            return unlimited();
        }
        Key shortKey = new Key(endpoint, accountId, false);
        Key dayKey = new Key(endpoint, accountId, true);
        for (Key key : List.of(shortKey, dayKey)) {
            Limit bound = key.daily() ? day : limit;
            if (bound != null && current(key, bound).used() >= bound.calls()) {
                throw TwitterApiError.rateLimited(new Quota(bound.calls(), 0,
                        current(key, bound).reset()).headers());
            }
        }
        Quota tightest = null;
        for (Key key : List.of(shortKey, dayKey)) {
            Limit bound = key.daily() ? day : limit;
            if (bound != null) {
                Window window = current(key, bound);
                Window after = new Window(window.reset(), window.used() + 1);
                windows.put(key, after);
                tightest = tighter(tightest, new Quota(bound.calls(),
                        bound.calls() - after.used(), after.reset()));
            }
        }
        return tightest;
    }

    /** The quota left without counting a call (unlimited for a lifted endpoint). */
    synchronized Quota peek(Endpoint named, long accountId) {
        Endpoint endpoint = bucket(named);
        Quota tightest = null;
        for (boolean isDaily : new boolean[] {false, true}) {
            Limit bound = isDaily ? daily.get(endpoint) : limits.get(endpoint);
            if (bound != null) {
                Window window = current(new Key(endpoint, accountId, isDaily), bound);
                tightest = tighter(tightest, new Quota(bound.calls(),
                        bound.calls() - window.used(), window.reset()));
            }
        }
        return tightest == null ? unlimited() : tightest;
    }

    private static Quota tighter(Quota a, Quota b) {
        return a == null || b.remaining() < a.remaining() ? b : a;
    }

    private Quota unlimited() {
        return new Quota(UNLIMITED, UNLIMITED, clock.instant().plus(UNLIMITED_WINDOW));
    }

    private Window current(Key key, Limit limit) {
        Instant now = clock.instant();
        Window window = windows.get(key);
        if (window == null || !now.isBefore(window.reset())) {
            window = new Window(now.plus(limit.window()), 0);
            windows.put(key, window);
        }
        return window;
    }
}
