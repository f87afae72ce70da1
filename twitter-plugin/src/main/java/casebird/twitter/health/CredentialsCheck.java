package casebird.twitter.health;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the plugin's credentials with {@code account/verify_credentials} on the scheduler
 * thread, so that start never waits on the network; the inbox and outbox run only while
 * the credentials are accepted.
 *
 * <p>Rejected credentials are checked again every {@code rejectedRetry}; an unreachable API
 * is retried with backoff, and a spent budget waited out. Each change of state is logged
 * once, repeats only at DEBUG, so a long outage or a revoked token does not flood the log.
 * A call elsewhere that Twitter refused with 401 (reported to the {@link HealthTracker})
 * makes the next run check again; one refused for a missing permission, the run after
 * {@code rejectedRetry}.
 */
public final class CredentialsCheck {

    private static final Logger LOG = LoggerFactory.getLogger(CredentialsCheck.class);
    /** What an admin does when X rejects the four OAuth 1.0a keys. */
    public static final String OAUTH1_FIX = "check consumer-key, consumer-secret, access-token"
            + " and access-token-secret in the plugin's settings";

    private final TwitterPort twitter;
    private final HealthTracker health;
    private final Backoff backoff;
    private final Duration rejectedRetry;
    private final Clock clock;
    private final String fix;
    private Optional<BotAccount> account = Optional.empty();
    private Instant nextCheck = Instant.MIN;
    private int failures;
    private String lastLogged = "";

    /**
     * Creates a check whose health names {@code fix} when X rejects the credentials; all its
     * work runs on the caller's thread.
     */
    public CredentialsCheck(TwitterPort twitter, HealthTracker health, Backoff backoff,
            Duration rejectedRetry, Clock clock, String fix) {
        this.fix = fix;
        this.twitter = twitter;
        this.health = health;
        this.backoff = backoff;
        this.rejectedRetry = rejectedRetry;
        this.clock = clock;
    }

    /** Whether Twitter accepted the credentials and nothing was refused since. */
    public boolean accepted() {
        return account.isPresent();
    }

    /** Calls verify_credentials if the credentials are unproven and a check is due. */
    public void runIfDue() {
        if (account.isPresent() && health.credentialsState() != Credentials.REJECTED) {
            return;
        }
        if (account.isPresent()) {
            account = Optional.empty();
            nextCheck = health.permissionMissing() ? clock.instant().plus(rejectedRetry)
                    : clock.instant();
        }
        if (clock.instant().isBefore(nextCheck)) {
            return;
        }
        try {
            BotAccount me = twitter.verifyCredentials();
            account = Optional.of(me);
            failures = 0;
            record(Credentials.ACCEPTED, "Twitter accepted the credentials of @"
                    + me.screenName());
        } catch (TwitterApiException e) {
            onFailure(e);
        } catch (BudgetSpentException e) {
            nextCheck = e.until();
            log(health.credentialsState(), "the credentials check waits for the budget of "
                    + e.endpoint().path() + " (it backs off after failed calls)");
        }
    }

    private void onFailure(TwitterApiException e) {
        Instant now = clock.instant();
        if (e.credentialsRejected()) {
            nextCheck = now.plus(rejectedRetry);
            record(Credentials.REJECTED, "Twitter rejected the credentials (code "
                    + e.errorCode() + "): " + e.reason() + "; " + fix);
        } else {
            failures++;
            nextCheck = e.rateLimited() && e.rateLimitReset().isPresent()
                    ? Instant.ofEpochSecond(e.rateLimitReset().getAsLong())
                    : now.plus(backoff.delayAfter(failures));
            String what = e.status() < 0 ? "Twitter could not be reached"
                    : "Twitter could not check the credentials";
            record(Credentials.UNREACHABLE, what + ": " + e.getMessage()
                    + "; retrying with backoff");
        }
    }

    private void record(Credentials state, String sentence) {
        health.credentials(state, sentence);
        health.report();
        log(state, sentence);
    }

    /** Logs a sentence once while it and the state stay the same; repeats only at DEBUG. */
    private void log(Credentials state, String sentence) {
        String key = state + sentence;
        if (key.equals(lastLogged)) {
            LOG.debug("{} (unchanged)", sentence);
        } else if (state == Credentials.ACCEPTED) {
            LOG.info(sentence);
        } else {
            LOG.warn(sentence);
        }
        lastLogged = key;
    }
}
