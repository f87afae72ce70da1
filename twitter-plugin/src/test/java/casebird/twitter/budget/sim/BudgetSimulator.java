package casebird.twitter.budget.sim;

import casebird.twitter.WorkCycle;
import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetedTwitter;
import casebird.twitter.budget.PollPlanner;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Outcome;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.inbox.DeletionSweeper;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.inbox.InboxPolicy;
import casebird.twitter.inbox.UnlinkedReplyGate;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.push.PollCadence;
import casebird.twitter.state.OutboxEntry;
import casebird.twitter.state.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The budget simulator: runs the plugin's real poller, outbox sender and work cycle with
 * the production default settings on a virtual clock against {@link SimTwitter}, over a
 * simulated day per trace, and prints the figures. A benchmark, not a test.
 */
public final class BudgetSimulator {

    private static final Duration DRAIN = Duration.ofDays(1);

    private final MutableClock clock = new MutableClock(Trace.DAY);
    private final Trace trace;
    private final Map<String, String> overrides;
    private final SimRun run;
    private long noticeSeq;

    BudgetSimulator(Trace trace, Map<String, String> overrides) {
        this.trace = trace;
        this.overrides = overrides;
        this.run = new SimRun(trace.name());
    }

    /**
     * Runs the four standard traces and prints their figures; arguments: an optional seed,
     * then plugin settings as {@code name=value} to try instead of the defaults.
     */
    public static void main(String[] args) throws IOException {
        long seed = args.length > 0 ? Long.parseLong(args[0]) : 42;
        Map<String, String> overrides = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            overrides.put(kv[0], kv[1]);
        }
        System.out.println("casebird budget simulator (seed " + seed + ", settings "
                + (overrides.isEmpty() ? "defaults" : overrides) + ")");
        for (Trace trace : Trace.standard(seed)) {
            long started = System.nanoTime();
            BudgetSimulator sim = new BudgetSimulator(trace, overrides);
            SimTwitter twitter = sim.run();
            System.out.print(sim.run.report(twitter, (System.nanoTime() - started) / 1_000_000));
        }
    }

    /** What the last run recorded. */
    SimRun result() {
        return run;
    }

    /** Runs the trace to its end and until the plugin has caught up (at most a day more). */
    SimTwitter run() throws IOException {
        Path dir = Files.createTempDirectory("casebird-sim");
        Map<String, String> raw = new HashMap<>(overrides);
        raw.putAll(Map.of("consumer-key", "k", "consumer-secret", "s", "access-token", "t",
                "access-token-secret", "x"));
        PluginSettings settings = PluginSettings.from(raw);
        Backoff backoff = new Backoff(settings.retryBase(), settings.retryCap(), new Random(7));
        ApiBudget budget = new ApiBudget(clock, settings.rateWindow(), settings.sendWindow(),
                settings.rateLimitMargin(), backoff);
        SimTwitter sim = new SimTwitter(clock, budget, trace.faults());
        BudgetedTwitter twitter = new BudgetedTwitter(sim, budget);
        FakeCrm crm = new FakeCrm();
        for (int a = 1; a <= Trace.AGENTS; a++) {
            crm.user("agent" + a, Long.toString(agentId(a)), "Support");
        }
        try (StateStore store = StateStore.open(dir)) {
            HealthTracker health = new HealthTracker(h -> { }, store::outboxSize, budget::left);
            AgentDirectory directory = new AgentDirectory(crm, "twitter", twitter, store);
            DirectMessagePoller poller = new DirectMessagePoller(twitter, store, directory,
                    (login, eventId, text) -> execute(store, login, eventId, text),
                    new UnlinkedReplyGate(store, settings.unlinkedReplyInterval(),
                            settings.unlinkedReplyDailyCap()),
                    new InboxPolicy(settings.catchUpMargin(), settings.deleteHandled()),
                    clock, health);
            OutboxSender sender = new OutboxSender(store, twitter, directory, backoff, clock,
                    health, budget);
            WorkCycle cycle = new WorkCycle(poller, sender,
                    new DeletionSweeper(store, twitter, settings.deleteInterval(), clock),
                    new PollPlanner(budget, settings.pollInterval(), settings.pollMinInterval(),
                            settings.replyLikelyPeriod()),
                    PollCadence.pollingOnly(settings.pollInterval(), clock), clock);
            loop(cycle, sim, store);
            run.delivered(sim.sent);
        } finally {
            deleteTree(dir);
        }
        return sim;
    }

    private void loop(WorkCycle cycle, SimTwitter sim, StateStore store) {
        List<Trace.Action> actions = trace.actions();
        Instant end = Trace.DAY.plus(Duration.ofDays(1));
        int next = 0;
        Instant cycleAt = clock.instant();
        while (true) {
            Instant actionAt = next < actions.size() ? actions.get(next).at() : Instant.MAX;
            boolean idle = next == actions.size() && store.outboxSize() == 0
                    && run.executions.size() == run.commands;
            Instant now = clock.instant();
            if ((idle && !now.isBefore(end)) || now.isAfter(end.plus(DRAIN))) {
                return;
            }
            Instant at = actionAt.isBefore(cycleAt) ? actionAt : cycleAt;
            clock.advance(Duration.between(now, at.isAfter(now) ? at : now));
            if (!actionAt.isAfter(clock.instant())) {
                act(actions.get(next++), sim, store);
                cycle.sendNow();
                cycleAt = clock.instant();
            } else {
                Instant planned = cycle.runDue();
                cycleAt = planned.isAfter(clock.instant())
                        ? planned : clock.instant().plusMillis(50);
            }
        }
    }

    private void act(Trace.Action action, SimTwitter sim, StateStore store) {
        if (action instanceof Trace.Dispatch d) {
            List<Recipient> all = new ArrayList<>();
            for (int a = 1; a <= Trace.AGENTS; a++) {
                all.add(Recipient.twitterId(agentId(a)));
            }
            notify(store, "dispatch-" + d.caseId(), all, "New case " + d.caseId());
        } else if (action instanceof Trace.Dm dm) {
            run.commands++;
            long id = sim.dmToBot(agentId(dm.agent()), dm.text());
            run.dmSentAt.put(id, clock.instant());
        }
    }

    private Handled execute(StateStore store, String login, String eventId, String text) {
        run.executed(Long.parseLong(eventId), clock.instant());
        String[] words = text.split(" ");
        if (words[0].equals("accept")) {
            List<Recipient> others = new ArrayList<>();
            for (int a = 1; a <= Trace.AGENTS; a++) {
                if (!login.equals("agent" + a)) {
                    others.add(Recipient.twitterId(agentId(a)));
                }
            }
            notify(store, "accepted-" + words[1], others,
                    "Case " + words[1] + " accepted by " + login);
        }
        return new Handled(CommandParser.parse(text), Outcome.HELP, "Done: " + text);
    }

    private void notify(StateStore store, String ruleEventId, List<Recipient> to, String text) {
        List<OutboxEntry> entries = new ArrayList<>();
        for (Recipient r : to) {
            String tagged = "[n" + (++noticeSeq) + "] " + text;
            run.noticeQueuedAt.put(tagged.substring(0, tagged.indexOf(']') + 1),
                    clock.instant());
            entries.add(OutboxEntry.queued(r, tagged, false, clock.instant()));
        }
        store.appendNotices(ruleEventId, entries);
    }

    private static long agentId(int agent) {
        return 100 + agent;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
