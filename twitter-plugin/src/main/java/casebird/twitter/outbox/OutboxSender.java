package casebird.twitter.outbox;

import casebird.api.PluginHealth.Credentials;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.SendPacer;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.rooms.RoomPoster;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due entries under the send budget, command replies first, and removes
 * each only once it is sent or can never be (a joined DM's entries in one commit). When the
 * budget cannot carry every due DM now, the DMs to one recipient are joined into one DM,
 * and no notice waits past {@code notice-max-delay} for the pacer. A refusal about the
 * recipient ends that DM (counted in health); any other failed send keeps the DM and is
 * retried with {@link Backoff} (health says sending fails); a spent budget waits in the
 * {@link ApiBudget}. DMs to rooms go through the {@link RoomPoster}. Health warns when the
 * outbox passes its {@link OutboxBounds} or falls behind the notice bound.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final String SENDING = "sending";
    private static final String REFUSED = "refused";
    private static final int URGENCY_MARGIN = 5;

    private final Outbox outbox;
    private final TwitterPort twitter;
    private final AgentDirectory directory;
    private final Backoff backoff;
    private final Clock clock;
    private final HealthTracker health;
    private final ApiBudget budget;
    private final SendPacer pacer;
    private final OutboxBounds bounds;
    private final RoomPoster rooms;
    private final OutboxWarnings warnings;
    private int refused;

    /**
     * Creates a sender; {@code twitter} should be budgeted by the same {@code budget}, and
     * DMs to rooms go through {@code rooms}.
     */
    public OutboxSender(Outbox outbox, TwitterPort twitter, AgentDirectory directory,
            Backoff backoff, Clock clock, HealthTracker health, ApiBudget budget,
            OutboxBounds bounds, RoomPoster rooms) {
        this.outbox = outbox;
        this.twitter = twitter;
        this.directory = directory;
        this.backoff = backoff;
        this.clock = clock;
        this.health = health;
        this.budget = budget;
        this.pacer = new SendPacer(budget);
        this.bounds = bounds;
        this.rooms = rooms;
        this.warnings = new OutboxWarnings(outbox, health, bounds, clock, budget);
    }

    /**
     * Sends what is due now and the budget allows; returns how many DMs went out. When the
     * budget cannot send each due DM now, the DMs to each recipient are joined (replies
     * first): DMs carrying a reply go at once, the others when the pacer allows or when
     * waiting for it would bring a notice near {@code notice-max-delay}.
     */
    public int sendDue() {
        Instant now = clock.instant();
        List<OutboxEntry> due = outbox.due(now);
        List<OutboxEntry> replies = oldestFirst(due, true);
        List<OutboxEntry> notices = oldestFirst(due, false);
        boolean join = replies.size() > budget.window(Endpoint.DM_SEND).remaining()
                || notices.size() > pacer.capacity(now) - replies.size();
        List<OutboxEntry> all = Stream.concat(replies.stream(), notices.stream()).toList();
        List<List<OutboxEntry>> dms = join ? NoticeDigest.join(all)
                : all.stream().map(List::of).toList();
        int sent = 0;
        for (List<OutboxEntry> dm : dms) {
            if (!ready()) {
                break;
            }
            boolean reply = dm.get(0).reply();
            if ((reply || mayGo(dm)) && trySend(dm)) {
                if (!reply) {
                    pacer.noticeSent(clock.instant());
                }
                sent++;
            }
        }
        if (warnings.update() || !due.isEmpty()) {
            health.report();
        }
        return sent;
    }

    /** When {@link #sendDue()} next has something to do, if the outbox holds anything. */
    public Optional<Instant> nextDue() {
        Instant ready = budget.readyAt(Endpoint.DM_SEND);
        Instant slot = pacer.nextNoticeAt(clock.instant());
        Optional<Instant> reply = outbox.nextDue(true).map(at -> later(at, ready));
        Optional<Instant> notice = outbox.nextDue(false).map(at -> urgent(at, slot)
                ? later(at, ready) : later(later(at, ready), slot));
        return Stream.of(reply, notice).flatMap(Optional::stream).min(Comparator.naturalOrder());
    }

    /** Whether a notice DM may go now: the pacer allows it, or waiting would bring it late. */
    private boolean mayGo(List<OutboxEntry> dm) {
        Instant now = clock.instant();
        Instant slot = pacer.nextNoticeAt(now);
        if (!slot.isAfter(now)) {
            return true;
        }
        return dm.stream().map(outbox::queuedAt).anyMatch(at -> urgent(at, slot));
    }

    /**
     * Whether a notice queued at {@code queuedAt} would come near its bound waiting for the
     * pacer's slot: within a fifth of the bound, kept for a send window spent meanwhile.
     */
    private boolean urgent(Instant queuedAt, Instant slot) {
        Duration bound = bounds.noticeMaxDelay();
        return !queuedAt.plus(bound.minus(bound.dividedBy(URGENCY_MARGIN))).isAfter(slot);
    }

    private boolean ready() {
        return !budget.readyAt(Endpoint.DM_SEND).isAfter(clock.instant());
    }

    private boolean trySend(List<OutboxEntry> entries) {
        OutboxEntry first = entries.get(0);
        try {
            if (first.to().isRoom()) {
                if (!rooms.post(entries, NoticeDigest.text(entries))) {
                    return false;
                }
            } else {
                Optional<Long> id = twitterId(first.to());
                if (id.isEmpty()) {
                    LOG.warn("dropping DM to {}: no Twitter account is linked to it",
                            first.to());
                    outbox.remove(ids(entries));
                    return false;
                }
                twitter.send(id.get(), NoticeDigest.text(entries));
                outbox.remove(ids(entries));
            }
            health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials");
            health.warning(SENDING, Optional.empty());
            return true;
        } catch (TwitterApiException e) {
            onTwitterFailure(entries, e);
        } catch (RuntimeException e) {
            LOG.warn("DM {} to {} failed, will retry: {}", first.id(), first.to(), e.toString());
            entries.forEach(this::retryLater);
        }
        return false;
    }

    private Optional<Long> twitterId(Recipient to) {
        return switch (to.kind()) {
            case TWITTER_ID -> Optional.of(Long.parseLong(to.value()));
            case SCREEN_NAME -> directory.idOfScreenName(to.value());
            case LOGIN -> directory.idOfLogin(to.value());
            case QUEUE_ROOM, CONVERSATION -> throw new IllegalArgumentException(
                    "a room is no account: " + to);
        };
    }

    private void onTwitterFailure(List<OutboxEntry> entries, TwitterApiException e) {
        OutboxEntry first = entries.get(0);
        if (e.recipientUnreachable()) {
            LOG.warn("dropping DM to {}: Twitter refuses DMs to that account (code {})",
                    first.to(), e.errorCode());
            outbox.remove(ids(entries));
            refused += entries.size();
            health.warning(REFUSED, Optional.of(refused + " DM(s) ended because Twitter refuses"
                    + " DMs to the recipient (latest: " + first.to() + ", code " + e.errorCode()
                    + ")"));
        } else if (e.rateLimited()) {
            LOG.info("DM sending rate-limited until {}", budget.readyAt(Endpoint.DM_SEND));
        } else {
            if (e.credentialsRejected()) {
                health.credentials(Credentials.REJECTED,
                        "Twitter rejected the credentials (code " + e.errorCode() + ")");
            } else if (e.permissionMissing()) {
                health.permissionMissing("sending a DM was refused (" + e.reason() + ")");
            }
            LOG.warn("DM {} to {} failed, will retry: {}", first.id(), first.to(),
                    e.getMessage());
            health.warning(SENDING, Optional.of("sending DMs fails (status " + e.status()
                    + ", code " + e.errorCode() + "); retrying with backoff, nothing is dropped"));
            entries.forEach(this::retryLater);
        }
    }

    private void retryLater(OutboxEntry entry) {
        Instant next = clock.instant().plus(backoff.delayAfter(entry.attempts() + 1));
        outbox.update(entry.failedOnce(next));
    }

    private static List<OutboxEntry> oldestFirst(List<OutboxEntry> due, boolean replies) {
        return due.stream().filter(e -> e.reply() == replies)
                .sorted(Comparator.comparingLong(OutboxEntry::id)).toList();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
