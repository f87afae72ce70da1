package casebird.harness.crm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseUpdate;
import casebird.api.rule.RuleEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableCrmTest {

    @TempDir
    Path folder;

    @Test
    void aCrmOpenedOnItsJournalHasTheSameCasesEffectsLedgerAndEvents() throws Exception {
        Path file = folder.resolve("crm.jsonl");
        List<RuleEvent> firstEvents = new ArrayList<>();
        InMemoryCrm first = InMemoryCrm.open(Clock.systemUTC(), file, e -> { });
        first.addEventListener(firstEvents::add);
        first.addUser("alice");
        first.addUser("bob");
        first.setUserField("alice", "twitter", "@alice_t");
        first.addQueueMember("Support", "alice");
        first.addQueueMember("Support", "bob");
        first.createCase(7, "Printer on fire", Map.of("customer", "ACME"));
        first.dispatch(7, "Support", "dispatcher");
        first.accept(7, "alice", "k1");
        assertThrows(CaseConflictException.class, () -> first.accept(7, "bob", "k2"));
        first.close(7, "alice", Optional.of("fixed"), "k3");
        first.close();

        List<RuleEvent> replayed = new ArrayList<>();
        try (InMemoryCrm second = InMemoryCrm.open(Clock.systemUTC(), file, replayed::add)) {
            assertEquals(first.findCase(7), second.findCase(7));
            assertEquals(first.effects(), second.effects());
            assertEquals(firstEvents, replayed);
            assertEquals(Optional.of("@alice_t"), second.userField("alice", "twitter"));
            assertThrows(CaseConflictException.class, () -> second.accept(7, "bob", "k2"));
            CaseUpdate repeat = second.close(7, "alice", Optional.of("fixed"), "k3");
            assertFalse(repeat.changed());
            assertEquals(first.effects(), second.effects());
        }
    }

    @Test
    void aLineCutShortByAKillIsDroppedAndTheJournalGoesOnAfterTheLastWholeLine()
            throws Exception {
        Path file = folder.resolve("crm.jsonl");
        try (InMemoryCrm crm = InMemoryCrm.open(Clock.systemUTC(), file, e -> { })) {
            crm.addUser("alice");
        }
        Files.writeString(file, Files.readString(file) + "{\"type\":\"user\",\"lo");

        try (InMemoryCrm crm = InMemoryCrm.open(Clock.systemUTC(), file, e -> { })) {
            crm.addUser("bob");
        }
        try (InMemoryCrm crm = InMemoryCrm.open(Clock.systemUTC(), file, e -> { })) {
            assertEquals(List.of(true, true), List.of(crm.userExists("alice"),
                    crm.userExists("bob")));
        }
    }
}
