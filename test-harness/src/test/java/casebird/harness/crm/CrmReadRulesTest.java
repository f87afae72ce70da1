package casebird.harness.crm;

import static casebird.harness.crm.CrmWorld.CASE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.NotPermittedException;
import casebird.api.crm.NotPermittedException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may see a case: a member of its queue or its owner, nobody else. */
class CrmReadRulesTest {

    private final InMemoryCrm crm = CrmWorld.withDispatchedCase();

    @Test
    void queueMemberSeesTheCaseAndSeeingChangesNothing() throws Exception {
        int effects = crm.effects().size();

        assertEquals(crm.findCase(CASE).orElseThrow(), crm.viewCase(CASE, "bob"));
        assertEquals(effects, crm.effects().size());
    }

    @Test
    void ownerSeesTheirClosedCase() throws Exception {
        crm.accept(CASE, "alice", "k1");
        crm.close(CASE, "alice", Optional.empty(), "k2");

        assertEquals("alice", crm.viewCase(CASE, "alice").owner().orElseThrow());
    }

    @Test
    void userOutsideTheQueueMayNotSeeTheCase() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.viewCase(CASE, "carol"));

        assertEquals(List.of(CASE, "carol", Reason.NOT_IN_QUEUE, Optional.of("Support")),
                List.of(e.caseId(), e.user(), e.reason(), e.queue()));
    }

    @Test
    void caseInNoQueueIsSeenByNobody() {
        crm.createCase(77, "Not routed yet", Map.of());

        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.viewCase(77, "alice"));

        assertEquals(Reason.NOT_IN_QUEUE, e.reason());
        assertEquals(Optional.empty(), e.queue());
    }

    @Test
    void unknownUserAndUnknownCaseAreRefusedAsSuch() {
        NotPermittedException e = assertThrows(NotPermittedException.class,
                () -> crm.viewCase(CASE, "mallory"));

        assertEquals(Reason.UNKNOWN_USER, e.reason());
        assertThrows(CaseNotFoundException.class, () -> crm.viewCase(999, "alice"));
    }
}
