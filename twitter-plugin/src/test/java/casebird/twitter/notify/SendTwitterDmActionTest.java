package casebird.twitter.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.HostContext;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.rule.RuleEvent;
import casebird.api.rule.ValidationProblem;
import casebird.twitter.PluginRuntime;
import casebird.twitter.PluginRuntimes;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SendTwitterDmActionTest {

    @TempDir Path dir;
    private final FakeCrm crm = new FakeCrm()
            .user("alice", "@alice_t", "Support").user("bob", "@bob_t", "Support");
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final AtomicInteger wakeUps = new AtomicInteger();
    private HostContext context;
    private StateStore store;
    private final SendTwitterDmAction action = new SendTwitterDmAction();

    @BeforeEach
    void startRuntime() {
        context = HostContext.of(crm, Map.of(), dir, clock, "1.0.0", h -> { });
        store = StateStore.open(dir);
        action.setHostContext(context);
        PluginRuntimes.register(context,
                new PluginRuntime(store.outbox(), clock, wakeUps::incrementAndGet));
    }

    @AfterEach
    void stopRuntime() {
        PluginRuntimes.unregister(context);
        store.close();
    }

    private static RuleEvent accepted(String eventId, String owner) {
        CrmCase kase = new CrmCase(1234, "Printer on fire", CaseStatus.ACCEPTED,
                Optional.of("Support"), Optional.of(owner), List.of());
        return new RuleEvent(eventId, RuleEvent.Type.CASE_ACCEPTED, clock0(), kase, owner);
    }

    private static Instant clock0() {
        return Instant.parse("2025-01-01T00:00:00Z");
    }

    private List<String> queued() {
        return store.outbox().entries().stream().map(e -> e.to() + ": " + e.text()).toList();
    }

    @Test
    void queueMembersAreNotifiedExceptTheActor() {
        action.execute(accepted("ev1", "alice"), Map.of("to", "queue-members",
                "template", "Case {case.id} accepted by {case.owner} ({event}, {case.queue})"));

        assertEquals(List.of("bob: Case 1234 accepted by alice (case-accepted, Support)"),
                queued());
        assertEquals(1, wakeUps.get());
    }

    @Test
    void notifyActorTrueIncludesTheActor() {
        action.execute(accepted("ev1", "alice"), Map.of("to", "queue-members",
                "template", "{case.title}", "notify-actor", "true"));

        assertEquals(List.of("alice: Printer on fire", "bob: Printer on fire"), queued());
    }

    @Test
    void caseOwnerLoginsAndScreenNamesResolveEachOnce() {
        action.execute(accepted("ev1", "bob"), Map.of("to", "case-owner, alice, @Boss_T, bob",
                "template", "x", "notify-actor", "true"));

        assertEquals(List.of(Recipient.login("bob"), Recipient.login("alice"),
                Recipient.screenName("boss_t")),
                store.outbox().entries().stream().map(OutboxEntry::to).toList());
    }

    @Test
    void theSameTextToTheSameRecipientForTheSameEventIsQueuedOnce() {
        Map<String, String> settings = Map.of("to", "queue-members", "template", "New {case.id}");

        action.execute(accepted("ev1", "alice"), settings);
        action.execute(accepted("ev1", "alice"), settings);
        action.execute(accepted("ev2", "alice"), settings);

        assertEquals(2, store.outbox().size());
    }

    @Test
    void renderedTextIsCutToTwitterLimit() {
        action.execute(accepted("ev1", "alice"),
                Map.of("to", "bob", "template", "{case.title}".repeat(1000)));

        assertEquals(10_000, store.outbox().entries().get(0).text().length());
    }

    @Test
    void unknownPlaceholderIsRejectedListingTheValidOnes() {
        List<ValidationProblem> problems =
                action.validate(Map.of("to", "queue-members", "template", "{case.nope}"));

        assertEquals(1, problems.size());
        assertEquals("template", problems.get(0).parameter());
        assertTrue(problems.get(0).message().contains("{case.nope}"));
        assertTrue(problems.get(0).message().contains("{case.title}"));
    }

    @Test
    void unknownLoginAndBadScreenNameAreRejected() {
        List<ValidationProblem> problems =
                action.validate(Map.of("to", "queue-owner, @way_too_long_for_twitter",
                        "template", "x"));

        assertEquals(2, problems.size());
        assertTrue(problems.get(0).message().contains("'queue-owner' is not a CRM login"));
        assertTrue(problems.get(1).message().contains("@way_too_long_for_twitter"));
    }

    @Test
    void aTemplateLongerThanADmAndAnOverlongRecipientListAreRejectedWithTheirLimits() {
        List<ValidationProblem> problems = action.validate(Map.of(
                "to", "queue-members," + "@x,".repeat(700), "template", "y".repeat(10_001)));

        assertEquals(List.of(
                new ValidationProblem("to", "is 2,114 characters long; at most 2,000 are"
                        + " allowed"),
                new ValidationProblem("template", "is 10,001 characters long; at most 10,000"
                        + " are allowed (a DM's length)")), problems);
    }

    @Test
    void missingToAndTemplateAreEachNamed() {
        List<String> parameters = action.validate(Map.of()).stream()
                .map(ValidationProblem::parameter).toList();

        assertEquals(List.of("to", "template"), parameters);
    }

    @Test
    void validSettingsHaveNoProblems() {
        assertEquals(List.of(), action.validate(Map.of("to", "queue-members,alice,@x",
                "template", "New case {case.id}: {case.title}", "notify-actor", "false")));
    }

    @Test
    void executeWithoutARunningPluginFails() {
        PluginRuntimes.unregister(context);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> action.execute(accepted("ev1", "alice"),
                        Map.of("to", "bob", "template", "x")));

        assertEquals("plugin not started", e.getMessage());
    }

    @Test
    void queueRoomQueuesOneDmToTheQueuesRoomWhateverItsSize() {
        action.execute(accepted("ev1", "alice"), Map.of("to", "queue-room",
                "template", "Case {case.id} accepted by {case.owner}"));

        assertEquals(List.of("the room of queue Support: Case 1234 accepted by alice"),
                queued());
        assertEquals(Recipient.queueRoom("Support"), store.outbox().entries().get(0).to());
    }

    @Test
    void aQueueRoomNoticeNamesItsActorUnlessTheRuleNotifiesThem() {
        action.execute(accepted("ev1", "alice"), Map.of("to", "queue-room",
                "template", "Case {case.id} accepted by {case.owner}"));
        action.execute(accepted("ev2", "bob"), Map.of("to", "queue-room",
                "template", "Case {case.id} accepted by {case.owner}", "notify-actor", "true"));

        assertEquals(List.of(Optional.of("alice"), Optional.empty()),
                store.outbox().entries().stream().map(OutboxEntry::actor).toList());
    }

    @Test
    void queueRoomIsARuleOfV2Only() {
        SendTwitterDmAction v11 = new SendTwitterDmAction();
        v11.setHostContext(HostContext.of(crm, Map.of("api", "v1.1"), dir, clock, "1.0.0",
                h -> { }));
        Map<String, String> rule = Map.of("to", "queue-room", "template", "New case {case.id}");

        List<ValidationProblem> problems = v11.validate(rule);

        assertEquals(List.of(new ValidationProblem("to", "'queue-room' needs api=v2: X API v1.1"
                + " has no group conversations; use queue-members to notify each member")),
                problems);
        assertEquals(List.of(), action.validate(rule));
    }
}
