package casebird.harness.twitter;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One request the fake API answered: its endpoint (empty for an unknown path), the account
 * it authenticated as (empty when authentication failed) and the status answered (0 when
 * the connection was reset without an answer).
 */
public record RecordedCall(Instant at, Optional<Endpoint> endpoint, String method, String path,
        OptionalLong accountId, int status) {

    /** Rejects missing parts. */
    public RecordedCall {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(accountId, "accountId");
    }
}
