package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.rule.RuleEvent;
import casebird.harness.host.RuleManager.Rule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleManagerTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final RecordingAction record = new RecordingAction("test.record");
    private final RuleManager rules = new RuleManager(() -> List.of(record));

    @AfterEach
    void closeRules() {
        rules.close();
    }

    @Test
    void ruleNamingUnknownActionIsRejectedListingTheKnownIds() {
        RuleRejectedException e = assertThrows(RuleRejectedException.class,
                () -> rules.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null, "nope", "x")));

        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("known: test.record"), e.getMessage());
    }

    @Test
    void ruleTheActionFindsInvalidIsRejectedWithItsProblems() {
        Rule invalid = new Rule("R1", RuleEvent.Type.CASE_CLOSED, Optional.empty(),
                "test.record", Map.of());

        RuleRejectedException e = assertThrows(RuleRejectedException.class,
                () -> rules.addRule(invalid));

        assertEquals("rule R1 rejected: label: is required", e.getMessage());
        assertEquals("label", e.problems().get(0).parameter());
    }

    @Test
    void ruleWithATakenIdIsRejected() throws Exception {
        rules.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null, "test.record", "a"));

        assertThrows(RuleRejectedException.class,
                () -> rules.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null,
                        "test.record", "b")));
    }

    @Test
    void matchingRulesRunInTheOrderAddedForEventsInTheOrderFired() throws Exception {
        rules.addRule(rule("R1", RuleEvent.Type.CASE_DISPATCHED, null, "test.record", "first"));
        rules.addRule(rule("R2", RuleEvent.Type.CASE_DISPATCHED, null, "test.record", "second"));
        rules.addRule(rule("R3", RuleEvent.Type.CASE_CLOSED, null, "test.record", "closed"));

        rules.fire(event("e1", RuleEvent.Type.CASE_DISPATCHED, "Support"));
        rules.fire(event("e2", RuleEvent.Type.CASE_DISPATCHED, "Support"));
        rules.awaitIdle(WAIT);

        assertEquals(List.of("e1:first", "e1:second", "e2:first", "e2:second"), record.runs);
    }

    @Test
    void queueFilterMatchesTheCaseQueue() throws Exception {
        rules.addRule(rule("R1", RuleEvent.Type.CASE_DISPATCHED, "Support", "test.record", "s"));

        rules.fire(event("e1", RuleEvent.Type.CASE_DISPATCHED, "Billing"));
        rules.fire(event("e2", RuleEvent.Type.CASE_DISPATCHED, "Support"));
        rules.awaitIdle(WAIT);

        assertEquals(List.of("e2:s"), record.runs);
    }

    @Test
    void failingActionIsCountedAndTheEngineKeepsRunning() throws Exception {
        rules.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null, "test.record", "boom"));
        rules.addRule(rule("R2", RuleEvent.Type.CASE_CLOSED, null, "test.record", "after"));

        rules.fire(event("e1", RuleEvent.Type.CASE_CLOSED, "Support"));
        rules.fire(event("e2", RuleEvent.Type.CASE_CLOSED, "Support"));
        rules.awaitIdle(WAIT);

        assertEquals(List.of("e1:after", "e2:after"), record.runs);
        assertEquals(List.of("e1", "e2"),
                rules.failures().stream().map(RuleManager.ActionFailure::eventId).toList());
        assertEquals("R1", rules.failures().get(0).ruleId());
    }

    @Test
    void actionGoneWhenTheRuleFiresIsAFailure() throws Exception {
        List<RecordingAction> loaded = new CopyOnWriteArrayList<>(
                List.of(record));
        try (RuleManager manager = new RuleManager(() -> List.copyOf(loaded))) {
            manager.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null, "test.record", "x"));
            loaded.clear();

            manager.fire(event("e1", RuleEvent.Type.CASE_CLOSED, "Support"));
            manager.awaitIdle(WAIT);

            assertEquals(1, manager.failures().size());
        }
    }

    @Test
    void awaitIdleGivesUpWhenTheEngineIsBusy() throws Exception {
        Object gate = new Object();
        RecordingAction blocking = new RecordingAction("test.block") {
            @Override
            public void execute(RuleEvent event, Map<String, String> settings) {
                synchronized (gate) {
                    super.execute(event, settings);
                }
            }
        };
        try (RuleManager manager = new RuleManager(() -> List.of(blocking))) {
            manager.addRule(rule("R1", RuleEvent.Type.CASE_CLOSED, null, "test.block", "x"));
            synchronized (gate) {
                manager.fire(event("e1", RuleEvent.Type.CASE_CLOSED, "Support"));

                assertThrows(IllegalStateException.class,
                        () -> manager.awaitIdle(Duration.ofMillis(100)));
            }
            manager.awaitIdle(WAIT);
            assertEquals(List.of("e1:x"), blocking.runs);
        }
    }

    private static Rule rule(String id, RuleEvent.Type on, String queue, String action,
            String label) {
        return new Rule(id, on, Optional.ofNullable(queue), action, Map.of("label", label));
    }

    private static RuleEvent event(String id, RuleEvent.Type type, String queue) {
        CrmCase kase = new CrmCase(1, "t", CaseStatus.DISPATCHED, Optional.of(queue),
                Optional.empty(), List.of());
        return new RuleEvent(id, type, Instant.EPOCH, kase, "actor");
    }
}
