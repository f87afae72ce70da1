package casebird.harness.twitter;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour of the next {@code times} webhook delivery attempts: the attempt fails as
 * if the webhook answered {@code status} (Twitter retries it), is sent {@code delay} late,
 * is dropped for good, or is sent {@code copies} times.
 */
public record WebhookFault(Kind kind, int status, Duration delay, int copies, int times) {

    /** What the fault does to a delivery attempt. */
    public enum Kind { FAIL, DELAY, DROP, REPEAT }

    /** Checks that the fields fit the kind. */
    public WebhookFault {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(delay, "delay");
        if (times < 1 || copies < 1) {
            throw new IllegalArgumentException("times and copies must be at least 1");
        }
        if (kind == Kind.FAIL && (status < 300 || status > 599)) {
            throw new IllegalArgumentException("a failed delivery needs a 3xx-5xx: " + status);
        }
    }
}
