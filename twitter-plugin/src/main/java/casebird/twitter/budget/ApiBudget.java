package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Calls left per endpoint, learned from every answer's {@code x-rate-limit-*} headers and
 * counted locally between answers; before the first answer it assumes the API's published
 * limits ({@link ApiLimits}), and it counts a limit no header reports (v2's sends a day)
 * locally throughout; with a {@link SpendMeter}, an endpoint whose call the day's spend cap
 * cannot pay for waits for the next UTC day. An endpoint is ready when its window has calls
 * left and it is not backing off after a 429 (until the reset plus a margin) or after
 * transient failures (exponential backoff with full jitter). Thread-safe; all time comes
 * from the injected clock.
 */
public final class ApiBudget {

    private static final class State {
        RateWindow window;
        RateWindow daily;
        int failures;
        Instant blockedUntil = Instant.MIN;
    }

    private final Clock clock;
    private final Duration rateWindow;
    private final Duration sendWindow;
    private final Duration margin;
    private final Backoff backoff;
    private final ApiLimits limits;
    private final Optional<SpendMeter> spend;
    private final Map<Endpoint, State> states = new EnumMap<>(Endpoint.class);

    /** Creates a budget assuming v1.1's limits. */
    public ApiBudget(Clock clock, Duration rateWindow, Duration sendWindow, Duration margin,
            Backoff backoff) {
        this(clock, rateWindow, sendWindow, margin, backoff, ApiLimits.v1_1(),
                Optional.empty());
    }

    /**
     * Creates a budget.
     *
     * @param rateWindow the window of the 15-minute endpoints, until headers say otherwise
     * @param sendWindow the window of the sending endpoint (24 h)
     * @param margin how long after a window's reset a spent endpoint waits (clock skew)
     * @param backoff the delays after transient failures
     * @param limits the API's published limits, assumed until headers say otherwise
     * @param spend the pay-per-use meter whose daily cap calls wait for, if any
     */
    public ApiBudget(Clock clock, Duration rateWindow, Duration sendWindow, Duration margin,
            Backoff backoff, ApiLimits limits, Optional<SpendMeter> spend) {
        this.clock = clock;
        this.rateWindow = rateWindow;
        this.sendWindow = sendWindow;
        this.margin = margin;
        this.backoff = backoff;
        this.limits = limits;
        this.spend = spend;
    }

    /**
     * The endpoint's current window, renewed when its reset has passed; its calls left are
     * at most what the endpoint's locally counted long window leaves.
     */
    public synchronized RateWindow window(Endpoint endpoint) {
        State s = state(endpoint);
        return s.daily == null || s.daily.remaining() >= s.window.remaining() ? s.window
                : new RateWindow(s.window.limit(), s.daily.remaining(), s.window.reset());
    }

    /** The endpoint's locally counted long window (v2's sends a day), if it has one. */
    public synchronized Optional<RateWindow> longWindow(Endpoint endpoint) {
        return Optional.ofNullable(state(endpoint).daily);
    }

    /** The calls made in the endpoint's current short window, as headers and counts say. */
    public synchronized int spentInWindow(Endpoint endpoint) {
        RateWindow w = state(endpoint).window;
        return w.limit() - w.remaining();
    }

    /** The calls left in each endpoint's current window, by endpoint path, for health. */
    public synchronized Map<String, Integer> left() {
        Map<String, Integer> left = new TreeMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            if (endpoint == Endpoint.DM_ROOM_SEND) {
                continue;
            }
            left.put(endpoint.path(), window(endpoint).remaining());
        }
        return left;
    }

    /** How long a window of that endpoint lasts, as configured. */
    public Duration windowLength(Endpoint endpoint) {
        return limits.of(endpoint).sendWindow() ? sendWindow : rateWindow;
    }

    /** When the endpoint's current window ends, plus the margin for clock skew. */
    public synchronized Instant renewedAt(Endpoint endpoint) {
        State s = state(endpoint);
        Instant renewed = s.window.reset().plus(margin);
        return s.daily == null || s.daily.remaining() > 0 ? renewed
                : max(renewed, s.daily.reset().plus(margin));
    }

    /** The earliest time a call to the endpoint may go: now when it is ready. */
    public synchronized Instant readyAt(Endpoint endpoint) {
        Instant now = clock.instant();
        State s = state(endpoint);
        Instant ready = s.window.remaining() > 0 ? now : s.window.reset().plus(margin);
        if (s.daily != null && s.daily.remaining() == 0) {
            ready = max(ready, s.daily.reset().plus(margin));
        }
        if (spend.isPresent()) {
            ready = max(ready, spend.get().readyAt(endpoint));
        }
        return max(max(ready, s.blockedUntil), now);
    }

    /**
     * Counts one call about to be made.
     *
     * @throws BudgetSpentException when the endpoint is not ready: the call must not be made
     */
    public synchronized void take(Endpoint endpoint) {
        Instant ready = readyAt(endpoint);
        if (ready.isAfter(clock.instant())) {
            throw new BudgetSpentException(endpoint, ready);
        }
        State s = state(endpoint);
        s.window = s.window.spend();
        s.daily = s.daily == null ? null : s.daily.spend();
    }

    /**
     * Makes one call within the endpoint's budget: counts it, then records its success or
     * failure.
     *
     * @throws BudgetSpentException when the endpoint is not ready: the call was not made
     */
    public <T> T call(Endpoint endpoint, Supplier<T> call) {
        take(endpoint);
        try {
            T result = call.get();
            succeeded(endpoint);
            return result;
        } catch (TwitterApiException e) {
            failed(endpoint, e);
            throw e;
        }
    }

    /** Records an answer's rate-limit headers: they overrule the local count. */
    public synchronized void learn(Endpoint endpoint, int limit, int remaining,
            long resetEpochSeconds) {
        if (limit > 0 && remaining >= 0) {
            state(endpoint).window = new RateWindow(
                    limit, Math.min(remaining, limit), Instant.ofEpochSecond(resetEpochSeconds));
        }
    }

    /** Records an answered call: transient failures are over. */
    public synchronized void succeeded(Endpoint endpoint) {
        state(endpoint).failures = 0;
    }

    /**
     * Records a failed call: a 429 spends the window until its reset (from the header, or a
     * whole window when there is none); 5xx, no answer and unparseable answers back off.
     */
    public synchronized void failed(Endpoint endpoint, TwitterApiException e) {
        State s = state(endpoint);
        Instant now = clock.instant();
        if (e.rateLimited()) {
            Instant reset = e.rateLimitReset().isPresent()
                    ? Instant.ofEpochSecond(e.rateLimitReset().getAsLong())
                    : now.plus(windowLength(endpoint));
            s.window = new RateWindow(s.window.limit(), 0, max(reset, now));
            s.blockedUntil = s.window.reset().plus(margin);
        } else if (isTransient(e)) {
            s.failures++;
            s.blockedUntil = now.plus(backoff.delayAfter(s.failures));
        } else {
            s.failures = 0;
        }
    }

    /** 5xx, no answer at all (-1), or a 200 whose body could not be read. */
    static boolean isTransient(TwitterApiException e) {
        return e.status() < 0 || e.status() >= 500 || e.status() == 200;
    }

    /** An endpoint's window; rooms' sends share the window of one-to-one sends, as on X. */
    private State state(Endpoint asked) {
        Endpoint endpoint = asked == Endpoint.DM_ROOM_SEND ? Endpoint.DM_SEND : asked;
        Instant now = clock.instant();
        State s = states.computeIfAbsent(endpoint, e -> new State());
        if (s.window == null || !now.isBefore(s.window.reset())) {
            int limit = s.window == null ? limits.of(endpoint).calls() : s.window.limit();
            s.window = new RateWindow(limit, limit, now.plus(windowLength(endpoint)));
        }
        OptionalInt daily = limits.of(endpoint).perSendWindow();
        if (daily.isPresent() && (s.daily == null || !now.isBefore(s.daily.reset()))) {
            s.daily = new RateWindow(daily.getAsInt(), daily.getAsInt(), now.plus(sendWindow));
        }
        return s;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
