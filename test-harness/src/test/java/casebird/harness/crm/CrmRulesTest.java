package casebird.harness.crm;

import static casebird.harness.crm.CrmWorld.CASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import casebird.api.crm.NotPermittedException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CrmRulesTest {

    private final InMemoryCrm crm = CrmWorld.withDispatchedCase();

    @Test
    void dispatchMovesAnOpenCaseToTheQueue() {
        CrmCase kase = crm.findCase(CASE).orElseThrow();

        assertEquals(CaseStatus.DISPATCHED, kase.status());
        assertEquals(Optional.of("Support"), kase.queue());
    }

    @Test
    void dispatchOfADispatchedCaseMovesItToTheNewQueue() {
        CrmCase kase = crm.dispatch(CASE, "Billing", "dispatcher");

        assertEquals(CaseStatus.DISPATCHED, kase.status());
        assertEquals(Optional.of("Billing"), kase.queue());
    }

    @Test
    void dispatchOfAnAcceptedCaseIsRefused() throws Exception {
        crm.accept(CASE, "alice", "k1");

        assertThrows(IllegalStateException.class, () -> crm.dispatch(CASE, "Billing", "x"));
    }

    @Test
    void acceptByQueueMemberMakesThemOwner() throws Exception {
        CaseUpdate update = crm.accept(CASE, "alice", "k1");

        assertTrue(update.changed());
        assertEquals(CaseStatus.ACCEPTED, update.after().status());
        assertEquals(Optional.of("alice"), update.after().owner());
        assertEquals(update.after(), crm.findCase(CASE).orElseThrow());
    }

    @Test
    void acceptOfCaseOneAlreadyOwnsChangesNothing() throws Exception {
        crm.accept(CASE, "alice", "k1");

        CaseUpdate again = crm.accept(CASE, "alice", "k2");

        assertFalse(again.changed());
        assertEquals(Optional.of("alice"), again.after().owner());
        assertEquals(2, crm.effects().size(), "dispatch and one accept");
    }

    @Test
    void acceptOfCaseOwnedByAnotherUserNamesTheOwner() throws Exception {
        crm.accept(CASE, "alice", "k1");

        CaseConflictException e = assertThrows(CaseConflictException.class,
                () -> crm.accept(CASE, "bob", "k2"));

        assertEquals(CaseConflictException.Kind.OWNED_BY_ANOTHER, e.kind());
        assertEquals(Optional.of("alice"), e.owner());
        assertEquals(CASE, e.caseId());
    }

    @Test
    void acceptOfClosedCaseFailsClosed() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.empty(), "k2");

        CaseConflictException e = assertThrows(CaseConflictException.class,
                () -> crm.accept(CASE, "alice", "k3"));

        assertEquals(CaseConflictException.Kind.CLOSED, e.kind());
    }

    @Test
    void acceptOfNeverDispatchedCaseFailsNotDispatched() {
        crm.createCase(77, "New", Map.of());

        CaseConflictException e = assertThrows(CaseConflictException.class,
                () -> crm.accept(77, "alice", "k1"));

        assertEquals(CaseConflictException.Kind.NOT_DISPATCHED, e.kind());
        assertEquals(CaseStatus.OPEN, e.status());
    }

    @Test
    void acceptByUserOutsideTheQueueIsNotPermitted() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.accept(CASE, "carol", "k1"));

        assertEquals(NotPermittedException.Reason.NOT_IN_QUEUE, e.reason());
        assertEquals(Optional.of("Support"), e.queue());
        assertEquals("carol", e.user());
    }

    @Test
    void unknownActingUserIsNotPermitted() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.logNote(CASE, "mallory", "hi", "k1"));

        assertEquals(NotPermittedException.Reason.UNKNOWN_USER, e.reason());
    }

    @Test
    void unknownCaseIsNotFound() {
        CaseNotFoundException e = assertThrows(CaseNotFoundException.class,
                () -> crm.accept(999, "alice", "k1"));

        assertEquals(999, e.caseId());
    }

    @Test
    void queueMemberMayLogANoteKeptExactlyAsWritten() throws Exception {
        CaseUpdate update = crm.logNote(CASE, "bob", "  called\nthe customer ", "k1");

        assertEquals("  called\nthe customer ", update.after().notes().get(0).text());
        assertEquals("bob", update.after().notes().get(0).author());
        assertEquals(CrmWorld.NOW, update.after().notes().get(0).at());
    }

    @Test
    void logByUserOutsideTheQueueIsNotPermitted() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.logNote(CASE, "carol", "hi", "k1"));

        assertEquals(NotPermittedException.Reason.NOT_IN_QUEUE, e.reason());
    }

    @Test
    void logOnClosedCaseFailsClosed() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.empty(), "k2");

        CaseConflictException e = assertThrows(CaseConflictException.class,
                () -> crm.logNote(CASE, "alice", "late", "k3"));

        assertEquals(CaseConflictException.Kind.CLOSED, e.kind());
    }

    @Test
    void closeByNonOwnerIsNotPermitted() throws Exception {
        crm.accept(CASE, "alice", "k1");

        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.close(CASE, "bob", Optional.empty(), "k2"));

        assertEquals(NotPermittedException.Reason.NOT_OWNER, e.reason());
        assertEquals(Optional.of("alice"), e.owner());
    }

    @Test
    void closeAddsTheNoteFirst() throws Exception {
        crm.accept(CASE, "alice", "k1");

        CaseUpdate update = crm.close(CASE, "alice", Optional.of("replaced the toner"), "k2");

        assertEquals(CaseStatus.CLOSED, update.after().status());
        assertEquals("replaced the toner", update.after().notes().get(0).text());
    }

    @Test
    void closeOfClosedCaseFailsClosed() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.empty(), "k2");

        CaseConflictException e = assertThrows(CaseConflictException.class,
                () -> crm.close(CASE, "alice", Optional.empty(), "k3"));

        assertEquals(CaseConflictException.Kind.CLOSED, e.kind());
    }

    @Test
    void openCasesOwnedByListsLatestAcceptedFirstAndLeavesClosedOut() throws Exception {
        crm.createCase(2, "Second", Map.of());
        crm.createCase(3, "Third", Map.of());
        crm.dispatch(2, "Support", "x");
        crm.dispatch(3, "Support", "x");
        crm.accept(3, "alice", "k1");
        crm.accept(CASE, "alice", "k2");
        crm.accept(2, "alice", "k3");
        crm.close(3, "alice", Optional.empty(), "k4");

        List<Long> ids = crm.openCasesOwnedBy("alice").stream().map(CrmCase::id).toList();

        assertEquals(List.of(2L, CASE), ids);
    }

    @Test
    void usersWithFieldMapsLoginsToValues() {
        crm.setUserField("alice", "twitter", "@alice_t");
        crm.setUserField("bob", "twitter", "123");

        assertEquals(Map.of("alice", "@alice_t", "bob", "123"), crm.usersWithField("twitter"));
        assertEquals(Optional.of("@alice_t"), crm.userField("alice", "twitter"));
        assertEquals(Optional.empty(), crm.userField("carol", "twitter"));
    }

    @Test
    void addingAnExistingUserOrCaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> crm.addUser("alice"));
        assertThrows(IllegalArgumentException.class, () -> crm.createCase(CASE, "x", Map.of()));
    }

    @Test
    void queueMembersKeepTheOrderTheyJoined() {
        assertEquals(List.of("alice", "bob"), crm.queueMembers("Support"));
        assertEquals(List.of(), crm.queueMembers("Nowhere"));
    }
}
