package casebird.harness.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.crm.InMemoryCrm;
import casebird.harness.twitter.Fault;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmFaultsTest {

    private final CrmFaults faults = new CrmFaults();
    private final InMemoryCrm crm = new InMemoryCrm(Clock.systemUTC());
    private final FenceableCrm plugins = new FenceableCrm(crm, faults);

    @BeforeEach
    void createCases() {
        crm.addUser("alice");
        crm.createCase(1, "Fax jammed", Map.of());
        crm.createCase(1234, "Printer on fire", Map.of());
    }

    @Test
    void aFaultOnOneCaseFailsEveryCallAboutItAndNoOther() throws Exception {
        faults.add(OptionalLong.of(1234), Fault.ALWAYS);

        for (int i = 0; i < 3; i++) {
            assertThrows(CrmFaults.InjectedFailure.class, () -> plugins.findCase(1234));
            assertThrows(CrmFaults.InjectedFailure.class,
                    () -> plugins.logNote(1234, "alice", "note", "k" + System.nanoTime()));
        }

        assertTrue(plugins.findCase(1).isPresent());
        assertTrue(plugins.userExists("alice"));
    }

    @Test
    void aFaultOnAnyCallFailsTheNextNCallsOfAnyKind() {
        faults.add(OptionalLong.empty(), 2);

        assertThrows(CrmFaults.InjectedFailure.class, () -> plugins.userExists("alice"));
        assertThrows(CrmFaults.InjectedFailure.class, () -> plugins.findCase(1));

        assertEquals(1, plugins.findCase(1).orElseThrow().id());
    }
}
