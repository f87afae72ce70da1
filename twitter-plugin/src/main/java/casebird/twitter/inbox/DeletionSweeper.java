package casebird.twitter.inbox;

import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes handled DMs from the bot's view, as the seed did, one per interval at most: off
 * the critical path (a handled command never waits for it) and on its own budget (the
 * destroy endpoint's). Catch-up does not depend on it: a deleted event is simply not
 * listed, and the processed-id set and the position still hold.
 */
public final class DeletionSweeper {

    private static final Logger LOG = LoggerFactory.getLogger(DeletionSweeper.class);

    private final Deletions deletions;
    private final TwitterPort twitter;
    private final Duration interval;
    private final Clock clock;
    private Instant nextAllowed = Instant.MIN;

    /** Creates a sweeper that calls destroy at most once per {@code interval}. */
    public DeletionSweeper(Deletions deletions, TwitterPort twitter, Duration interval,
            Clock clock) {
        this.deletions = deletions;
        this.twitter = twitter;
        this.interval = interval;
        this.clock = clock;
    }

    /** Deletes the oldest queued DM if the interval allows; failures are retried later. */
    public void sweepOnce() {
        Instant now = clock.instant();
        if (now.isBefore(nextAllowed)) {
            return;
        }
        for (long eventId : deletions.next(1)) {
            nextAllowed = now.plus(interval);
            try {
                twitter.destroy(eventId);
                deletions.remove(eventId);
            } catch (TwitterApiException e) {
                onFailure(eventId, e);
            } catch (BudgetSpentException e) {
                nextAllowed = e.until();
            }
        }
    }

    /** When {@link #sweepOnce()} next has something to do, if anything waits for deletion. */
    public Optional<Instant> nextDue() {
        return deletions.next(1).isEmpty() ? Optional.empty() : Optional.of(nextAllowed);
    }

    private void onFailure(long eventId, TwitterApiException e) {
        if (e.status() == 404) {
            deletions.remove(eventId);
        }
        LOG.info("deleting handled DM {} failed{}: {}", eventId,
                e.status() == 404 ? " (already gone)" : ", will retry", e.getMessage());
    }
}
