package casebird.twitter.push;

import casebird.api.web.WebRoute;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Registers the webhook with Twitter from the scheduler thread, once the first poll has
 * set the inbox's position; again after a failure, and while push is silent, at most every
 * {@code retry}, since registering makes Twitter check the CRC and revalidate the webhook.
 */
public final class PushRegistration implements PushUpkeep {

    private final TwitterPort twitter;
    private final String env;
    private final WebRoute route;
    private final PushMonitor monitor;
    private final Duration retry;
    private final Clock clock;
    private Instant next = Instant.MIN;

    /** A registration of {@code route}'s URL in environment {@code env}. */
    public PushRegistration(TwitterPort twitter, String env, WebRoute route, PushMonitor monitor,
            Duration retry, Clock clock) {
        this.twitter = twitter;
        this.env = env;
        this.route = route;
        this.monitor = monitor;
        this.retry = retry;
        this.clock = clock;
    }

    /** Registers the webhook if push is not active and an attempt is due. */
    @Override
    public void runIfDue() {
        Instant now = clock.instant();
        if (monitor.active() || now.isBefore(next)) {
            return;
        }
        next = now.plus(retry);
        try {
            twitter.registerWebhook(env, route.url());
            monitor.registered();
        } catch (TwitterApiException e) {
            monitor.registrationFailed(e.getMessage());
        }
    }
}
