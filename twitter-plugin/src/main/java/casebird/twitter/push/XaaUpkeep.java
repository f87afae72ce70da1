package casebird.twitter.push;

import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.client.v2.ActivityApi.Subscription;
import casebird.twitter.client.v2.ActivityApi.Webhook;
import casebird.twitter.config.Durations;
import casebird.twitter.config.PushMode;
import casebird.twitter.push.CreatedResources.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Keeps push on the X Activity API working, from the scheduler: every reconciliation
 * interval (and at once while it fails, at most every poll interval) it asks X for the
 * webhook (under {@code push=webhook}: created when missing, re-validated with
 * {@code PUT /2/webhooks/:id} when X says it is not valid) and the bot's {@code dm.received}
 * subscription (created or repaired), and removes what the plugin created for the other
 * mode. Push counts as working while X says so: the stream connected (reported by the
 * stream reader) or the webhook valid, and the subscription there.
 */
final class XaaUpkeep implements PushUpkeep {

    private final PushMode mode;
    private final SubscriptionKeeper subscriptions;
    private final Optional<WebhookKeeper> webhook;
    private final PushMonitor monitor;
    private final Supplier<OptionalLong> botId;
    private final Clock clock;
    private final Duration reconcileInterval;
    private final Duration retryInterval;
    private Instant next = Instant.MIN;
    private boolean otherModeRemoved;
    private Optional<Subscription> subscription = Optional.empty();
    private String setupProblem = "the dm.received subscription is not checked yet";
    private boolean streamConnected;
    private String streamProblem = "the stream is not connected yet";
    private String where = "";

    /**
     * An upkeep of {@code mode}, over {@code webhook} under {@code push=webhook}.
     *
     * @param retryInterval how soon a check that failed is tried again
     */
    XaaUpkeep(PushMode mode, SubscriptionKeeper subscriptions, Optional<WebhookKeeper> webhook,
            PushMonitor monitor, Supplier<OptionalLong> botId, Clock clock,
            Duration reconcileInterval, Duration retryInterval) {
        this.mode = mode;
        this.subscriptions = subscriptions;
        this.webhook = webhook;
        this.monitor = monitor;
        this.botId = botId;
        this.clock = clock;
        this.reconcileInterval = reconcileInterval;
        this.retryInterval = retryInterval;
    }

    @Override
    public void runIfDue() {
        OptionalLong bot = botId.get();
        Instant now = clock.instant();
        if (bot.isEmpty() || now.isBefore(next)) {
            return;
        }
        boolean ok = false;
        String problem;
        try {
            removeOtherMode();
            Optional<String> webhookId = Optional.empty();
            String where = "";
            if (webhook.isPresent()) {
                Webhook w = webhook.get().ensure();
                if (!w.valid()) {
                    throw new SetupProblem("X reports the webhook " + w.url() + " not valid"
                            + " (its CRC check failed); asking X to check it again every "
                            + Durations.words(reconcileInterval));
                }
                webhookId = Optional.of(w.id());
                where = "webhook " + w.url() + " valid, ";
            }
            Subscription s = subscriptions.ensure(bot.getAsLong(), webhookId);
            synchronized (this) {
                subscription = Optional.of(s);
            }
            problem = "";
            ok = true;
            setupFine(where, s);
        } catch (SetupProblem e) {
            problem = e.getMessage();
        } catch (TwitterApiException e) {
            problem = explain(e);
        } catch (BudgetSpentException e) {
            problem = "waiting for X's limit of webhook and subscription calls: "
                    + e.getMessage();
        }
        next = now.plus(ok ? reconcileInterval : retryInterval);
        if (!ok) {
            synchronized (this) {
                subscription = Optional.empty();
                setupProblem = problem;
            }
        }
        report();
    }

    /** The stream reader connected. */
    synchronized void streamConnected() {
        streamConnected = true;
        report();
    }

    /** The stream reader lost (or could not open) its connection. */
    synchronized void streamDown(String why) {
        streamConnected = false;
        streamProblem = "the stream is not connected: " + why;
        report();
    }

    private synchronized void setupFine(String place, Subscription s) {
        setupProblem = "";
        where = place + "dm.received subscription " + s.id() + " for the bot";
    }

    /** Tells the monitor whether push works now, and why not. */
    private synchronized void report() {
        if (subscription.isEmpty()) {
            monitor.failing(setupProblem);
        } else if (mode == PushMode.STREAM && !streamConnected) {
            monitor.failing(streamProblem);
        } else {
            monitor.working((mode == PushMode.STREAM ? "stream connected, " : "") + where);
        }
    }

    /** The other mode's resources the plugin created, removed once. */
    private void removeOtherMode() {
        if (!otherModeRemoved && mode == PushMode.STREAM) {
            subscriptions.removeCreated(Kind.WEBHOOK);
        }
        otherModeRemoved = true;
    }

    private static String explain(TwitterApiException e) {
        if (e.status() == 403 && e.reason().contains("/2/activity/subscriptions")) {
            return "X refused the bot's dm.received subscription (" + e.reason() + "):"
                    + " the bot has not authorized this app with OAuth 2.0 and the dm.read"
                    + " scope; authorize the bot again";
        }
        if (e.status() == 403 && e.reason().contains("/oauth2/token")) {
            return "X refused the app-only token (" + e.reason() + "): check"
                    + " consumer-key and consumer-secret";
        }
        return e.reason() + (e.status() > 0 ? " (status " + e.status() + ")" : "");
    }

    /** A set-up step that X answered but that does not work yet. */
    private static final class SetupProblem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SetupProblem(String message) {
            super(message, null, false, false);
        }
    }
}
