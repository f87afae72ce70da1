package casebird.harness.crm;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** A small CRM for tests: alice and bob in Support, carol in Billing, case 1234 dispatched. */
final class CrmWorld {

    static final Instant NOW = Instant.parse("2024-05-01T09:00:00Z");
    static final long CASE = 1234;

    private CrmWorld() {}

    static InMemoryCrm withDispatchedCase() {
        InMemoryCrm crm = new InMemoryCrm(Clock.fixed(NOW, ZoneOffset.UTC));
        for (String login : new String[] {"alice", "bob", "carol"}) {
            crm.addUser(login);
        }
        crm.addQueueMember("Support", "alice");
        crm.addQueueMember("Support", "bob");
        crm.addQueueMember("Billing", "carol");
        crm.createCase(CASE, "Printer on fire", Map.of("customer", "ACME"));
        crm.dispatch(CASE, "Support", "dispatcher");
        return crm;
    }
}
