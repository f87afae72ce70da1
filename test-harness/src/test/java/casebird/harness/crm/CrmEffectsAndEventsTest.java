package casebird.harness.crm;

import static casebird.harness.crm.CrmWorld.CASE;
import static casebird.harness.crm.CrmWorld.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.NotPermittedException;
import casebird.api.rule.RuleEvent;
import casebird.harness.crm.CrmEffect;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CrmEffectsAndEventsTest {

    private final InMemoryCrm crm = CrmWorld.withDispatchedCase();
    private final List<RuleEvent> events = new ArrayList<>();

    CrmEffectsAndEventsTest() {
        crm.addEventListener(events::add);
    }

    @Test
    void effectsAreRecordedInOrderWithCloseNoteBeforeClose() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.logNote(CASE, "bob", "called", "k2");
        crm.close(CASE, "alice", Optional.of("fixed"), "k3");

        assertEquals(List.of(
                new CrmEffect(CASE, "dispatch", "dispatcher", "", NOW),
                new CrmEffect(CASE, "accept", "alice", "k1", NOW),
                new CrmEffect(CASE, "note", "bob", "k2", NOW),
                new CrmEffect(CASE, "note", "alice", "k3", NOW),
                new CrmEffect(CASE, "close", "alice", "k3", NOW)), crm.effects());
    }

    @Test
    void repeatedIdempotencyKeyChangesNothing() throws Exception {
        CaseUpdate first = crm.logNote(CASE, "bob", "called", "twitter-dm:1");
        int effectsBefore = crm.effects().size();
        int eventsBefore = events.size();

        CaseUpdate again = crm.logNote(CASE, "bob", "called", "twitter-dm:1");

        assertFalse(again.changed());
        assertEquals(first.after(), again.after());
        assertEquals(1, crm.findCase(CASE).orElseThrow().notes().size());
        assertEquals(effectsBefore, crm.effects().size());
        assertEquals(eventsBefore, events.size());
    }

    @Test
    void repeatedIdempotencyKeyRethrowsTheFirstFailure() {
        NotPermittedException first = assertThrows(NotPermittedException.class,
                () -> crm.accept(CASE, "carol", "k1"));
        crm.addQueueMember("Support", "carol");

        NotPermittedException again = assertThrows(NotPermittedException.class,
                () -> crm.accept(CASE, "carol", "k1"));

        assertSame(first, again);
        assertEquals(CaseStatus.DISPATCHED, crm.findCase(CASE).orElseThrow().status());
    }

    @Test
    void repeatedCloseKeyAddsTheNoteOnce() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.of("fixed"), "k2");

        CaseUpdate again = crm.close(CASE, "alice", Optional.of("fixed"), "k2");

        assertFalse(again.changed());
        assertEquals(1, again.after().notes().size());
    }

    @Test
    void eventsCarryTypeActorAndTheCaseAsTheEffectLeftIt() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.logNote(CASE, "bob", "called", "k2");
        crm.close(CASE, "alice", Optional.of("fixed"), "k3");

        assertEquals(List.of(RuleEvent.Type.CASE_ACCEPTED, RuleEvent.Type.NOTE_LOGGED,
                        RuleEvent.Type.CASE_CLOSED),
                events.stream().map(RuleEvent::type).toList());
        assertEquals(List.of("alice", "bob", "alice"),
                events.stream().map(RuleEvent::actor).toList());
        assertEquals(Optional.of("alice"), events.get(0).kase().owner());
        assertEquals(1, events.get(1).kase().notes().size());
        assertEquals(CaseStatus.CLOSED, events.get(2).kase().status());
        assertEquals(2, events.get(2).kase().notes().size());
        assertEquals(NOW, events.get(2).at());
    }

    @Test
    void dispatchFiresCaseDispatchedNamingTheDispatcher() {
        crm.dispatch(CASE, "Billing", "supervisor");

        RuleEvent event = events.get(0);
        assertEquals(RuleEvent.Type.CASE_DISPATCHED, event.type());
        assertEquals("supervisor", event.actor());
        assertEquals(Optional.of("Billing"), event.kase().queue());
    }

    @Test
    void everyEventHasItsOwnId() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.of("fixed"), "k2");

        Set<String> ids = events.stream().map(RuleEvent::eventId).collect(Collectors.toSet());

        assertEquals(events.size(), ids.size());
    }

    @Test
    void acceptThatChangesNothingFiresNoEvent() throws Exception {
        crm.accept(CASE, "alice", "k1");
        int before = events.size();

        crm.accept(CASE, "alice", "k2");

        assertEquals(before, events.size());
    }

    @Test
    void listenerMayCallTheCrmBack() throws Exception {
        InMemoryCrm other = new InMemoryCrm(Clock.fixed(NOW, ZoneOffset.UTC));
        other.addUser("alice");
        other.addQueueMember("Support", "alice");
        other.createCase(1, "x", Map.of());
        List<Integer> notesSeen = new ArrayList<>();
        other.addEventListener(e -> notesSeen.add(other.findCase(1).orElseThrow().notes().size()));
        other.dispatch(1, "Support", "x");

        other.logNote(1, "alice", "hi", "k1");

        assertEquals(List.of(0, 1), notesSeen);
    }

    @Test
    void aFailingListenerDoesNotStopTheOthers() throws Exception {
        crm.addEventListener(e -> {
            throw new IllegalStateException("listener broke");
        });
        List<RuleEvent> later = new ArrayList<>();
        crm.addEventListener(later::add);

        crm.accept(CASE, "alice", "k1");

        assertEquals(1, later.size());
    }
}
