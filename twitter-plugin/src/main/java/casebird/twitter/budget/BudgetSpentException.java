package casebird.twitter.budget;

import casebird.twitter.client.Endpoint;
import java.time.Instant;

/**
 * A call was not made because its endpoint has no budget left (or is backing off) until
 * {@link #until()}; the caller retries then, and no request reached Twitter.
 */
public final class BudgetSpentException extends RuntimeException {

    private final Endpoint endpoint;
    private final Instant until;

    /** Creates the exception for an endpoint that may be called again at {@code until}. */
    public BudgetSpentException(Endpoint endpoint, Instant until) {
        super("no budget for " + endpoint.path() + " until " + until);
        this.endpoint = endpoint;
        this.until = until;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public Instant until() {
        return until;
    }
}
