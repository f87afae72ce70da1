package casebird.harness.workload;

import casebird.api.crm.CaseStatus;
import casebird.api.rule.RuleEvent;
import casebird.harness.crm.CrmEffect;
import casebird.harness.crm.CrmEffect;
import casebird.harness.host.RuleManager;
import casebird.harness.host.RuleRejectedException;
import casebird.harness.scenario.World;
import casebird.harness.twitter.DirectMessage;
import casebird.harness.twitter.FakeTwitterClient;
import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Drives a workload through a world that lives in a folder, so that a killed driver
 * restarted on the folder carries on: every setup statement and step is skipped when the
 * world already shows it (a case dispatched, a DM with that exact text sent), so each is
 * done once however often the process dies.
 */
public final class WorkloadDriver {

    /** The id of the workload's one rule. */
    static final String RULE_ID = "notify-queue";

    /**
     * At most this many commands sent and not yet in effect: agents do not send hundreds
     * of commands a second, and a backlog far beyond what one poll reads is another test.
     */
    static final int IN_FLIGHT = 100;
    private static final Duration IN_FLIGHT_WAIT = Duration.ofSeconds(10);

    private final Workload workload;
    private final World world;
    private final PrintStream out;
    private final Duration pace;

    /** A driver doing one step each {@code pace}, reporting progress to {@code out}. */
    public WorkloadDriver(Workload workload, World world, PrintStream out, Duration pace) {
        this.workload = workload;
        this.world = world;
        this.out = out;
        this.pace = pace;
    }

    /**
     * Builds what is missing of the world, starts the plugin, does the steps not yet done
     * and waits until every command took effect and every notice arrived.
     *
     * @return the figures then, or when {@code timeout} ran out first
     */
    public WorkloadAudit.Figures run(Duration timeout)
            throws IOException, InterruptedException, RuleRejectedException {
        setUp();
        world.start();
        FakeTwitterClient client = new FakeTwitterClient(world.twitter());
        if (world.rules().rules().isEmpty()) {
            world.addRule(new RuleManager.Rule(RULE_ID, RuleEvent.Type.CASE_DISPATCHED,
                    Optional.empty(), "twitter.send-dm", Map.of("to", "queue-members",
                            "template", "New case {case.id}: {case.title}")));
        }
        Set<String> sent = sentTexts();
        int sentCount = sent.size();
        int done = 0;
        for (Workload.Step step : workload.steps()) {
            done += isDone(step, sent) ? 1 : 0;
        }
        out.println("ready: " + done + " of " + workload.steps().size() + " steps done");
        for (Workload.Step step : workload.steps()) {
            if (!isDone(step, sent)) {
                if (step instanceof Workload.Command) {
                    awaitInFlightBelow(sentCount);
                    sentCount++;
                }
                perform(step, client);
                Thread.sleep(pace.toMillis());
            }
        }
        out.println("all steps done; waiting for effects and notices");
        long deadline = System.nanoTime() + timeout.toNanos();
        WorkloadAudit.Figures figures = WorkloadAudit.audit(workload, world);
        while (!figures.complete() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            figures = WorkloadAudit.audit(workload, world);
        }
        return figures;
    }

    /** Waits (a while at most) until fewer than {@link #IN_FLIGHT} commands are pending. */
    private void awaitInFlightBelow(int sentCount) throws InterruptedException {
        long deadline = System.nanoTime() + IN_FLIGHT_WAIT.toNanos();
        while (sentCount - commandsInEffect() >= IN_FLIGHT && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    private long commandsInEffect() {
        return world.crm().effects().stream().map(CrmEffect::idempotencyKey)
                .filter(key -> key.startsWith("twitter-dm:")).distinct().count();
    }

    private void setUp() {
        world.bot();
        for (Endpoint endpoint : Endpoint.values()) {
            world.twitter().liftLimit(endpoint);
        }
        for (Workload.Agent agent : workload.agents()) {
            if (!world.crm().userExists(agent.login())) {
                world.crm().addUser(agent.login());
            }
            if (world.twitter().accountByName(agent.screenName()).isEmpty()) {
                world.twitter().createAccount(agent.screenName());
            }
            if (world.crm().userField(agent.login(), World.HANDLE_FIELD).isEmpty()) {
                world.crm().setUserField(agent.login(), World.HANDLE_FIELD,
                        "@" + agent.screenName());
            }
            if (!world.crm().queueMembers(agent.queue()).contains(agent.login())) {
                world.crm().addQueueMember(agent.queue(), agent.login());
            }
        }
        for (long caseId : workload.cases()) {
            if (world.crm().findCase(caseId).isEmpty()) {
                world.crm().createCase(caseId, Workload.title(caseId), Map.of());
            }
        }
    }

    private boolean isDone(Workload.Step step, Set<String> sent) {
        if (step instanceof Workload.Dispatch d) {
            return world.crm().findCase(d.caseId()).orElseThrow().status() != CaseStatus.OPEN;
        }
        Workload.Command c = (Workload.Command) step;
        return sent.contains(c.agent().screenName() + "|" + c.text());
    }

    private void perform(Workload.Step step, FakeTwitterClient client) throws IOException {
        if (step instanceof Workload.Dispatch d) {
            world.crm().dispatch(d.caseId(), d.queue(), "dispatcher");
        } else {
            Workload.Command c = (Workload.Command) step;
            TwitterAccount from = world.account(c.agent().screenName());
            client.sendDirectMessage(from, world.bot().id(), c.text());
        }
    }

    /** Every DM sent to the bot so far, keyed "screen name|text". */
    private Set<String> sentTexts() {
        long botId = world.bot().id();
        Set<String> sent = new HashSet<>();
        for (DirectMessage dm : world.twitter().messages()) {
            if (dm.recipientId() == botId) {
                world.twitter().accountById(dm.senderId())
                        .ifPresent(a -> sent.add(a.screenName() + "|" + dm.text()));
            }
        }
        return sent;
    }
}
