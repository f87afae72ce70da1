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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due entries under the send budget, command replies first, and removes
 * each only once it is sent or can never be. When the budget cannot carry every pending
 * notice now, the notices to one agent are joined into one DM. A refusal about the
 * recipient ends that DM (counted in health); any other failed send keeps the DM and is
 * retried with {@link Backoff} (health says sending fails); a spent budget waits in the
 * {@link ApiBudget}. DMs to rooms go through the {@link RoomPoster}. Health warns when the outbox passes its {@link OutboxBounds}.
 */
public final class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final String SENDING = "sending";
    private static final String REFUSED = "refused";
    private static final String OUTBOX = "outbox";

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
    }

    /** Sends what is due now and the budget allows; returns how many DMs went out. */
    public int sendDue() {
        List<OutboxEntry> due = outbox.due(clock.instant()).stream()
                .sorted(Comparator.comparingLong(OutboxEntry::id))
                .toList();
        int sent = 0;
        for (OutboxEntry reply : due.stream().filter(OutboxEntry::reply).toList()) {
            if (!ready()) {
                break;
            }
            sent += trySend(List.of(reply)) ? 1 : 0;
        }
        List<OutboxEntry> notices = due.stream().filter(e -> !e.reply()).toList();
        boolean join = notices.size() > pacer.capacity(clock.instant());
        List<List<OutboxEntry>> dms = join ? NoticeDigest.join(notices)
                : notices.stream().map(List::of).toList();
        for (List<OutboxEntry> dm : dms) {
            if (!ready() || pacer.nextNoticeAt(clock.instant()).isAfter(clock.instant())) {
                break;
            }
            if (trySend(dm)) {
                pacer.noticeSent(clock.instant());
                sent++;
            }
        }
        if (warnAboutBounds() || !due.isEmpty()) {
            health.report();
        }
        return sent;
    }

    /** When {@link #sendDue()} next has something to do, if the outbox holds anything. */
    public Optional<Instant> nextDue() {
        Instant ready = budget.readyAt(Endpoint.DM_SEND);
        Optional<Instant> reply = outbox.nextDue(true).map(at -> later(at, ready));
        Optional<Instant> notice = outbox.nextDue(false).map(at -> later(later(at, ready),
                pacer.nextNoticeAt(clock.instant())));
        return Stream.of(reply, notice).flatMap(Optional::stream).min(Comparator.naturalOrder());
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

    /** Sets the outbox's health warning from its bounds; returns whether it changed. */
    private boolean warnAboutBounds() {
        List<String> over = new ArrayList<>();
        int size = outbox.size();
        if (size >= bounds.size()) {
            over.add("the outbox holds " + size + " DMs (outbox-warn-size " + bounds.size()
                    + ")");
        }
        outbox.oldestQueuedAt()
                .filter(at -> !at.plus(bounds.age()).isAfter(clock.instant()))
                .ifPresent(at -> over.add("the oldest DM has waited since " + at
                        + " (outbox-warn-age " + bounds.age() + ")"));
        return health.warning(OUTBOX, over.isEmpty() ? Optional.empty()
                : Optional.of(String.join("; ", over)));
    }

    private void retryLater(OutboxEntry entry) {
        Instant next = clock.instant().plus(backoff.delayAfter(entry.attempts() + 1));
        outbox.update(entry.failedOnce(next));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static List<Long> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::id).toList();
    }
}
