package casebird.twitter;

import casebird.api.HealthReporter;
import casebird.api.crm.CrmSdk;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.budget.MeteredTwitter;
import casebird.twitter.budget.PollPlanner;
import casebird.twitter.budget.SpendMeter;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.config.ApiChoice;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.CredentialsCheck;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.inbox.CommandRunner;
import casebird.twitter.inbox.DeletionSweeper;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.inbox.InboxPolicy;
import casebird.twitter.inbox.UnlinkedReplyGate;
import casebird.twitter.outbox.OutboxBounds;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.push.PollCadence;
import casebird.twitter.rooms.RoomPoster;
import casebird.twitter.state.StateStore;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Builds the parts of one plugin start from its settings, so that the plugin, the budget
 * simulator and the tests that run those parts all wire them the same way: first the budget
 * (a port's rate-limit headers go to it), then the {@link Parts} over the port, then the
 * {@link WorkCycle} that drives them.
 */
public final class PluginAssembly {

    /** Far more DM events and users than a day's polling returns. */
    private static final int SPEND_IDS_REMEMBERED = 100_000;
    private static final String XCHAT = "encrypted XChat DMs are invisible to X API v2's DM"
            + " endpoints: agents must send the bot unencrypted DMs";

    private final PluginSettings settings;
    private final Clock clock;
    private final Backoff backoff;
    private final ApiBudget budget;
    private final Optional<SpendMeter> spend;

    /**
     * The parts that callers drive.
     *
     * @param twitter the port behind the budget: every call through it is counted
     * @param health the health the parts report to the host
     * @param poller reads the inbox and runs commands
     * @param sender sends the outbox
     * @param sweeper deletes handled DMs when the settings ask for it
     */
    public record Parts(TwitterPort twitter, HealthTracker health, DirectMessagePoller poller,
            OutboxSender sender, DeletionSweeper sweeper) {}

    /**
     * Starts an assembly whose budget assumes the chosen API's published limits until
     * answers say more, and under v2 meters the pay-per-use spend against the daily cap;
     * every backoff draws from {@code random}.
     */
    public PluginAssembly(PluginSettings settings, Clock clock, Random random) {
        this(settings, clock, random, isV2(settings) ? ApiLimits.v2() : ApiLimits.v1_1(),
                isV2(settings) ? Optional.of(new SpendMeter(clock, settings.spend().prices(),
                        settings.spend().dailyCap(), SPEND_IDS_REMEMBERED)) : Optional.empty());
    }

    private static boolean isV2(PluginSettings settings) {
        return settings.api().choice().version() == ApiChoice.Version.V2;
    }

    /**
     * Starts an assembly whose budget assumes {@code apiLimits} until answers say more; with
     * a {@code spend} meter, every call of the parts is charged to it at X's prices.
     */
    public PluginAssembly(PluginSettings settings, Clock clock, Random random,
            ApiLimits apiLimits, Optional<SpendMeter> spend) {
        this.settings = settings;
        this.clock = clock;
        this.backoff = new Backoff(settings.retry().base(), settings.retry().cap(), random);
        this.spend = spend;
        PluginSettings.Limits limits = settings.limits();
        this.budget = new ApiBudget(clock, limits.rateWindow(), limits.sendWindow(),
                limits.margin(), backoff, apiLimits, spend);
    }

    /** The settings the parts are built from. */
    public PluginSettings settings() {
        return settings;
    }

    /** The budget every call of the parts goes through; the port's headers go to its learn. */
    public ApiBudget budget() {
        return budget;
    }

    /** The pay-per-use meter under X API v2; empty under v1.1. */
    public Optional<SpendMeter> spend() {
        return spend;
    }

    /**
     * The parts over {@code port} (behind the budget, and under v2 the spend meter), the
     * store and the CRM: commands run through {@code commands}, health goes to
     * {@code reporter}.
     */
    public Parts parts(TwitterPort port, StateStore store, CrmSdk crm, CommandRunner commands,
            HealthReporter reporter) {
        TwitterPort budgeted = new BudgetedTwitter(port, budget);
        TwitterPort twitter = spend.<TwitterPort>map(m -> new MeteredTwitter(budgeted, m))
                .orElse(budgeted);
        HealthTracker health = new HealthTracker(reporter, store.outbox()::size, budget::left);
        settings.api().choice().advice().ifPresent(a -> health.warning("api", Optional.of(a)));
        spend.ifPresent(m -> {
            health.note(m::summary);
            health.note(() -> XCHAT);
        });
        AgentDirectory directory =
                new AgentDirectory(crm, settings.handleField(), twitter, store.pins());
        PluginSettings.Outbox outbox = settings.outbox();
        RoomPoster rooms = new RoomPoster(twitter, store.rooms(), crm, directory, clock, health,
                isV2(settings) ? Optional.empty()
                        : Optional.of("X API v1.1 has no group conversations (api=v2 has)"));
        OutboxSender sender = new OutboxSender(store.outbox(), twitter, directory, backoff,
                clock, health, budget, new OutboxBounds(outbox.warnAge(), outbox.warnSize(),
                        outbox.noticeMaxDelay()), rooms);
        PluginSettings.Inbox inbox = settings.inbox();
        PluginSettings.UnlinkedReplies unlinked = settings.unlinkedReplies();
        DirectMessagePoller poller = new DirectMessagePoller(twitter, store.position(),
                store.processed(), store.parked(), directory, commands,
                new UnlinkedReplyGate(store.unlinkedTally(), unlinked.interval(),
                        unlinked.dailyCap()),
                new InboxPolicy(inbox.catchUpMargin(), inbox.deleteHandled(),
                        inbox.commandAttempts(), backoff),
                clock, health, store.rooms());
        DeletionSweeper sweeper =
                new DeletionSweeper(store.deletions(), twitter, inbox.deleteInterval(), clock);
        return new Parts(twitter, health, poller, sender, sweeper);
    }

    /**
     * The check of the credentials that the parts' port uses, reporting to their health;
     * under OAuth 2.0 it sends the admin to {@code authorizeStart} when the host serves it.
     */
    public CredentialsCheck credentialsCheck(Parts parts, Optional<URI> authorizeStart) {
        String fix = settings.api().choice().auth() == ApiChoice.Auth.OAUTH1
                ? CredentialsCheck.OAUTH1_FIX
                : authorizeStart.map(start -> "authorize the bot again at " + start)
                        .orElse("authorize the bot again: run the harness's authorize command"
                                + " or paste a new oauth2-refresh-token into the settings");
        return new CredentialsCheck(parts.twitter(), parts.health(), backoff,
                settings.retry().credentials(), clock, fix);
    }

    /**
     * The work cycle over the parts; with {@code pushActive}, reads slow to the
     * reconciliation interval while it holds.
     */
    public WorkCycle cycle(Parts parts, Optional<BooleanSupplier> pushActive) {
        PluginSettings.Polling polling = settings.polling();
        PollCadence cadence = pushActive.map(active -> new PollCadence(polling.interval(),
                settings.push().reconcileInterval(), active, clock))
                .orElseGet(() -> PollCadence.pollingOnly(polling.interval(), clock));
        PollPlanner planner = new PollPlanner(budget, polling.interval(), polling.minInterval(),
                polling.replyLikelyPeriod());
        return new WorkCycle(parts.poller(), parts.sender(), parts.sweeper(), planner, cadence,
                clock);
    }
}
