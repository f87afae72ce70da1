package casebird.harness.host;

import casebird.api.rule.RuleAction;
import casebird.api.rule.RuleEvent;
import casebird.api.rule.ValidationProblem;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host's rule manager: rules validated by their action when added, and one rule engine
 * thread that runs the matching rules' actions for each fired event, in order.
 */
public final class RuleManager implements AutoCloseable {

    /**
     * A rule: when an event of type {@code on} happens (to a case in {@code queue}, if
     * given), run the action {@code actionId} with {@code settings}.
     */
    public record Rule(
            String id,
            RuleEvent.Type on,
            Optional<String> queue,
            String actionId,
            Map<String, String> settings) {

        public Rule {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(on, "on");
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(actionId, "actionId");
            settings = Map.copyOf(settings);
        }

        /** Whether the rule fires on this event. */
        boolean matches(RuleEvent event) {
            return event.type() == on
                    && queue.map(q -> event.kase().queue().equals(Optional.of(q))).orElse(true);
        }
    }

    /** An action that threw (or could not be found) when its rule fired. */
    public record ActionFailure(String ruleId, String eventId, Throwable cause) {}

    private static final Logger LOG = LoggerFactory.getLogger(RuleManager.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final int FENCED_ATTEMPTS = 3;

    private final Supplier<List<RuleAction>> actions;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<ActionFailure> failures = new CopyOnWriteArrayList<>();
    private final ExecutorService engine =
            Executors.newSingleThreadExecutor(task -> new Thread(task, "rule-engine"));
    private final Object progress = new Object();
    private volatile Consumer<RuleEvent> onRun = event -> { };
    private long fired;
    private long finished;

    /** A rule manager that looks actions up in the supplier each time it needs them. */
    public RuleManager(Supplier<List<RuleAction>> actions) {
        this.actions = Objects.requireNonNull(actions, "actions");
    }

    /**
     * Adds a rule after its action has validated the settings.
     *
     * @throws RuleRejectedException when the id is taken, no loaded action has the rule's
     *     type id, or the action finds problems with the settings
     */
    public void addRule(Rule rule) throws RuleRejectedException {
        if (rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
            throw RuleRejectedException.refused(rule.id(), "a rule with that id exists");
        }
        List<RuleAction> loaded = actions.get();
        RuleAction action = find(loaded, rule.actionId()).orElseThrow(() ->
                RuleRejectedException.refused(rule.id(), "no action has type id '"
                        + rule.actionId() + "'; known: " + typeIds(loaded)));
        List<ValidationProblem> problems = action.validate(rule.settings());
        if (!problems.isEmpty()) {
            throw RuleRejectedException.invalid(rule.id(), problems);
        }
        rules.add(rule);
    }

    /**
     * Adds a rule that was validated when it was first added (before a restart of the
     * host), without asking an action again.
     *
     * @throws IllegalArgumentException when a rule with that id exists
     */
    public void restoreRule(Rule rule) {
        if (rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
            throw new IllegalArgumentException("a rule with id " + rule.id() + " exists");
        }
        rules.add(rule);
    }

    /** The rules, in the order they were added. */
    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /**
     * Calls {@code listener} on the rule engine thread after each event's actions have run
     * (or failed), so a host can note which events it need not deliver again.
     */
    public void onEventRun(Consumer<RuleEvent> listener) {
        this.onRun = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Queues an event for the rule engine thread.
     *
     * @throws java.util.concurrent.RejectedExecutionException after {@link #close()}
     */
    public void fire(RuleEvent event) {
        Objects.requireNonNull(event, "event");
        synchronized (progress) {
            engine.execute(() -> runAndCount(event));
            fired++;
        }
    }

    /**
     * Waits until every event fired before this call has been run.
     *
     * @throws IllegalStateException when the timeout passes first, saying how many are left
     */
    public void awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            long target = fired;
            while (finished < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("rule engine still busy after " + timeout
                            + ": " + (target - finished) + " event(s) not yet run");
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
    }

    /** Every action failure so far, oldest first. */
    public List<ActionFailure> failures() {
        return List.copyOf(failures);
    }

    /** Stops the rule engine thread after the events already fired have run. */
    @Override
    public void close() {
        engine.shutdown();
        try {
            if (!engine.awaitTermination(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                engine.shutdownNow();
                LOG.warn("rule engine did not finish within {}; interrupted it", CLOSE_TIMEOUT);
            }
        } catch (InterruptedException e) {
            engine.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void runAndCount(RuleEvent event) {
        try {
            run(event);
            onRun.accept(event);
        } finally {
            synchronized (progress) {
                finished++;
                progress.notifyAll();
            }
        }
    }

    private void run(RuleEvent event) {
        List<Rule> matching = rules.stream().filter(r -> r.matches(event)).toList();
        if (matching.isEmpty()) {
            return;
        }
        for (Rule rule : matching) {
            try {
                execute(rule, event);
            } catch (RuntimeException | LinkageError e) {
                LOG.error("rule {} failed on event {} ({} of case {})", rule.id(),
                        event.eventId(), event.type().word(), event.kase().id(), e);
                failures.add(new ActionFailure(rule.id(), event.eventId(), e));
            }
        }
    }

    /**
     * Runs a rule's action; when the plugin instance was killed under it (its CRM calls
     * fenced), runs it again on the instance the actions supplier hands out next, as a
     * host that restarts delivers the events it had not finished.
     */
    private void execute(Rule rule, RuleEvent event) {
        for (int attempt = 1; ; attempt++) {
            RuleAction action = find(actions.get(), rule.actionId()).orElseThrow(() ->
                    new IllegalStateException("no loaded action has type id '"
                            + rule.actionId() + "'"));
            try {
                action.execute(event, rule.settings());
                return;
            } catch (FenceableCrm.FencedException e) {
                if (attempt == FENCED_ATTEMPTS) {
                    throw e;
                }
                LOG.info("rule {} met a killed plugin instance on event {}; running it again",
                        rule.id(), event.eventId());
            }
        }
    }

    private static Optional<RuleAction> find(List<RuleAction> loaded, String typeId) {
        return loaded.stream().filter(a -> a.typeId().equals(typeId)).findFirst();
    }

    private static String typeIds(List<RuleAction> loaded) {
        return loaded.isEmpty() ? "none" : loaded.stream().map(RuleAction::typeId)
                .collect(Collectors.joining(", "));
    }
}
