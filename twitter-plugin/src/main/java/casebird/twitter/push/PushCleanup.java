package casebird.twitter.push;

import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.push.CreatedResources.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With push off, removes the subscriptions and webhooks the plugin created on X while push
 * was on (and nothing else), trying again every {@code retry} until they are gone.
 */
final class PushCleanup implements PushUpkeep {

    private static final Logger LOG = LoggerFactory.getLogger(PushCleanup.class);
    private static final String TOPIC = "push-cleanup";

    private final SubscriptionKeeper keeper;
    private final HealthTracker health;
    private final Clock clock;
    private final Duration retry;
    private Instant next = Instant.MIN;
    private boolean done;

    PushCleanup(SubscriptionKeeper keeper, HealthTracker health, Clock clock, Duration retry) {
        this.keeper = keeper;
        this.health = health;
        this.clock = clock;
        this.retry = retry;
    }

    @Override
    public void runIfDue() {
        Instant now = clock.instant();
        if (done || now.isBefore(next)) {
            return;
        }
        next = now.plus(retry);
        try {
            keeper.removeCreated(Kind.SUBSCRIPTION);
            keeper.removeCreated(Kind.WEBHOOK);
            done = true;
            LOG.info("push is off: removed what the plugin had created on X for it");
            health.warning(TOPIC, Optional.empty());
        } catch (TwitterApiException | BudgetSpentException e) {
            health.warning(TOPIC, Optional.of("push is off, but removing the subscription and"
                    + " webhook the plugin created on X failed: " + e.getMessage()
                    + "; trying again"));
        }
        health.report();
    }
}
