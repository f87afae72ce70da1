package casebird.twitter.outbox;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.OutboxEntry;
import casebird.twitter.state.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.TwitterApiException;
import casebird.twitter.twitter.TwitterPort;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due entries, replies first, and removes each only once it is sent or
 * can never be; failures are retried with {@link Backoff}, and a spent rate limit pauses
 * sending until the window's reset.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    private final StateStore store;
    private final TwitterPort twitter;
    private final AgentDirectory directory;
    private final Backoff backoff;
    private final Clock clock;
    private final HealthTracker health;
    private Instant pausedUntil = Instant.MIN;

    /** Creates a sender; all its work runs on the caller's thread. */
    public OutboxSender(StateStore store, TwitterPort twitter, AgentDirectory directory,
            Backoff backoff, Clock clock, HealthTracker health) {
        this.store = store;
        this.twitter = twitter;
        this.directory = directory;
        this.backoff = backoff;
        this.clock = clock;
        this.health = health;
    }

    /** Tries every entry that is due now; returns how many were sent. */
    public int sendDue() {
        int sent = 0;
        List<OutboxEntry> due = store.outbox().stream()
                .filter(e -> !e.notBefore().isAfter(clock.instant()))
                .sorted(Comparator.comparing((OutboxEntry e) -> !e.reply())
                        .thenComparingLong(OutboxEntry::id))
                .toList();
        for (OutboxEntry entry : due) {
            if (clock.instant().isBefore(pausedUntil)) {
                break;
            }
            sent += trySend(entry) ? 1 : 0;
        }
        if (!due.isEmpty()) {
            health.report();
        }
        return sent;
    }

    private boolean trySend(OutboxEntry entry) {
        try {
            Optional<Long> id = twitterId(entry.to());
            if (id.isEmpty()) {
                LOG.warn("dropping DM to {}: no Twitter account is linked to it", entry.to());
                store.removeFromOutbox(entry.id());
                return false;
            }
            twitter.send(id.get(), entry.text());
            store.removeFromOutbox(entry.id());
            health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials");
            return true;
        } catch (TwitterApiException e) {
            onTwitterFailure(entry, e);
        } catch (RuntimeException e) {
            LOG.warn("DM {} to {} failed, will retry: {}", entry.id(), entry.to(), e.toString());
            retryLater(entry);
        }
        return false;
    }

    private Optional<Long> twitterId(Recipient to) {
        return switch (to.kind()) {
            case TWITTER_ID -> Optional.of(Long.parseLong(to.value()));
            case SCREEN_NAME -> directory.idOfScreenName(to.value());
            case LOGIN -> directory.idOfLogin(to.value());
        };
    }

    private void onTwitterFailure(OutboxEntry entry, TwitterApiException e) {
        if (e.recipientUnreachable()) {
            LOG.warn("dropping DM to {}: Twitter refuses DMs to that account (code {})",
                    entry.to(), e.errorCode());
            store.removeFromOutbox(entry.id());
        } else if (e.rateLimited()) {
            Instant now = clock.instant();
            pausedUntil = e.rateLimitReset().isPresent()
                    ? Instant.ofEpochSecond(e.rateLimitReset().getAsLong())
                    : now.plus(backoff.delayAfter(entry.attempts() + 1));
            LOG.info("DM sending rate-limited until {}", pausedUntil);
        } else {
            if (e.credentialsRejected()) {
                health.credentials(Credentials.REJECTED,
                        "Twitter rejected the credentials (code " + e.errorCode() + ")");
            }
            LOG.warn("DM {} to {} failed, will retry: {}", entry.id(), entry.to(), e.getMessage());
            retryLater(entry);
        }
    }

    private void retryLater(OutboxEntry entry) {
        Instant next = clock.instant().plus(backoff.delayAfter(entry.attempts() + 1));
        store.updateOutbox(entry.failedOnce(next));
    }
}
