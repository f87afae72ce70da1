package casebird.harness.twitter;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A misbehaviour the fake API shows on the next {@code times} authenticated calls to an
 * endpoint (or to any endpoint when {@code endpoint} is empty), or on every such call when
 * {@code times} is {@link #ALWAYS}; a fault with a {@code recipient} acts only on sends to
 * that account.
 */
public record Fault(Optional<Endpoint> endpoint, Kind kind, int status, OptionalInt code,
        Duration delay, int times, OptionalLong recipient) {

    /** The {@code times} of a fault that never wears off. */
    public static final int ALWAYS = Integer.MAX_VALUE;

    /** What the fault does to a call. */
    public enum Kind {
        /** Answers {@code status} with a Twitter error body; 429 also gets rate headers. */
        STATUS,
        /** Sleeps {@code delay}, then answers normally. */
        DELAY,
        /** Closes the connection without any answer. */
        RESET,
        /** Answers 200 with a body that is not valid JSON. */
        GARBAGE
    }

    /** Checks that the fields fit the kind. */
    public Fault {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(recipient, "recipient");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        if (kind == Kind.STATUS && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("a STATUS fault needs a 4xx or 5xx: " + status);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
    }

    /** The next {@code times} calls answer {@code status}, with Twitter error {@code code}. */
    public static Fault status(Optional<Endpoint> endpoint, int status, OptionalInt code,
            int times) {
        return new Fault(endpoint, Kind.STATUS, status, code, Duration.ZERO, times,
                OptionalLong.empty());
    }

    /** The next {@code times} calls are answered normally after {@code delay}. */
    public static Fault delay(Optional<Endpoint> endpoint, Duration delay, int times) {
        return new Fault(endpoint, Kind.DELAY, 200, OptionalInt.empty(), delay, times,
                OptionalLong.empty());
    }

    /** The next {@code times} calls get their connection closed without an answer. */
    public static Fault reset(Optional<Endpoint> endpoint, int times) {
        return new Fault(endpoint, Kind.RESET, 0, OptionalInt.empty(), Duration.ZERO, times,
                OptionalLong.empty());
    }

    /** The next {@code times} calls get a 200 whose JSON is broken. */
    public static Fault garbage(Optional<Endpoint> endpoint, int times) {
        return new Fault(endpoint, Kind.GARBAGE, 200, OptionalInt.empty(), Duration.ZERO, times,
                OptionalLong.empty());
    }

    /** This fault acting only on sends to that account. */
    public Fault to(long recipientId) {
        return new Fault(endpoint, kind, status, code, delay, times,
                OptionalLong.of(recipientId));
    }

    /** Whether this fault applies to a call of that endpoint, to that recipient if a send. */
    public boolean matches(Endpoint called, OptionalLong calledRecipient) {
        return endpoint.map(called::equals).orElse(true)
                && (recipient.isEmpty() || recipient.equals(calledRecipient));
    }
}
