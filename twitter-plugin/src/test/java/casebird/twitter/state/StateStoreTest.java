package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateStoreTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir Path dir;

    /** Writes a store file by hand, as an older or newer plugin would have left it. */
    private void writeRaw(Map<String, String> meta, Map<Long, String> outbox) {
        try (MVStore mv = new MVStore.Builder()
                .fileName(dir.resolve(StateStore.FILE_NAME).toString()).open()) {
            mv.<String, String>openMap("meta").putAll(meta);
            mv.<Long, String>openMap("outbox").putAll(outbox);
            mv.commit();
        }
    }

    private Map<String, String> rawMeta() {
        try (MVStore mv = new MVStore.Builder()
                .fileName(dir.resolve(StateStore.FILE_NAME).toString()).open()) {
            MVMap<String, String> meta = mv.openMap("meta");
            return Map.copyOf(meta);
        }
    }

    @Test
    void aFormatOneStoreIsMigratedKeepingItsDataAndItsPosition() {
        writeRaw(Map.of("format", "1", "position", "42", "outbox-seq", "1"),
                Map.of(1L, "LOGIN\talice\tfalse\t0\t0\tNew case 1"));

        try (StateStore store = StateStore.open(dir)) {
            assertEquals(42, store.position().position().getAsLong());
            assertEquals(42, store.position().floor());
            assertEquals(List.of("New case 1"),
                    store.outbox().entries().stream().map(OutboxEntry::text).toList());
        }
        assertEquals(Integer.toString(StoreFormat.CURRENT), rawMeta().get("format"));
    }

    @Test
    void aRoomNoticeKeepsItsActorAcrossReopeningInAReadableLine() {
        try (StateStore store = StateStore.open(dir)) {
            store.outbox().appendNotices("event-1", List.of(OutboxEntry.queued(
                    Recipient.queueRoom("Support"), "Case 1 accepted", false, NOW)
                    .causedBy("alice")));
        }

        try (MVStore mv = new MVStore.Builder()
                .fileName(dir.resolve(StateStore.FILE_NAME).toString()).open()) {
            assertEquals("QUEUE_ROOM\tSupport\tfalse\t0\t" + NOW.toEpochMilli()
                    + "\tCase 1 accepted\talice", mv.<Long, String>openMap("outbox").get(1L));
        }
        try (StateStore store = StateStore.open(dir)) {
            assertEquals(List.of(Optional.of("alice")),
                    store.outbox().entries().stream().map(OutboxEntry::actor).toList());
        }
    }

    @Test
    void anOutboxWrittenBeforeItsDueIndexIsIndexedWhenOpened() {
        writeRaw(Map.of("format", "2", "outbox-seq", "2"), Map.of(
                1L, "LOGIN\talice\tfalse\t0\t" + NOW.toEpochMilli() + "\tdue now",
                2L, "LOGIN\talice\tfalse\t1\t" + NOW.plusSeconds(60).toEpochMilli()
                        + "\tdue later"));

        try (StateStore store = StateStore.open(dir)) {
            assertEquals(List.of("due now"),
                    store.outbox().due(NOW).stream().map(OutboxEntry::text).toList());
            assertEquals(Optional.of(NOW), store.outbox().oldestQueuedAt());
        }
    }

    @Test
    void aStoreFromANewerPluginIsRefusedWithTheReasonAndLeftAsItWas() {
        writeRaw(Map.of("format", "7", "position", "42"), Map.of());

        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateStore.open(dir));

        assertTrue(e.getMessage().contains("has format 7"), e.getMessage());
        assertTrue(e.getMessage().contains("newer casebird plugin"), e.getMessage());
        assertEquals("7", e.found());
        assertEquals(Map.of("format", "7", "position", "42"), rawMeta());
    }

    @Test
    void aFileThatIsNotOursIsRefusedWithTheReason() {
        writeRaw(Map.of("format", "banana"), Map.of());

        StateFormatException e = assertThrows(StateFormatException.class,
                () -> StateStore.open(dir));

        assertTrue(e.getMessage().contains("not a casebird state file"), e.getMessage());
    }

    @Test
    void aNewStoreIsStampedWithTheCurrentFormat() {
        StateStore.open(dir).close();

        assertEquals(Integer.toString(StoreFormat.CURRENT), rawMeta().get("format"));
    }

    @Test
    void completingAnEventTwiceQueuesOneReply() {
        try (StateStore store = StateStore.open(dir)) {
            OutboxEntry reply = OutboxEntry.queued(Recipient.twitterId(11), "done", true, NOW);

            store.processed().complete(7, NOW, Optional.of(reply), true);
            store.processed().complete(7, NOW, Optional.of(reply), true);

            assertEquals(1, store.outbox().size());
            assertEquals(List.of(7L), store.deletions().next(10));
        }
    }

    @Test
    void withSyncEveryCommitIsStillReadBackAfterReopening() {
        try (StateStore store = StateStore.open(dir, true)) {
            store.position().startAt(5);
            store.processed().complete(9, NOW, Optional.empty(), false);
        }

        try (StateStore store = StateStore.open(dir, true)) {
            assertEquals(9, store.position().position().getAsLong());
            assertEquals(5, store.position().floor());
            assertTrue(store.processed().isProcessed(9));
        }
    }

    /** Queues and then removes that many notices of 1,000 characters, one commit each. */
    private static void churn(StateStore store, int notices) {
        String text = "x".repeat(1_000);
        for (int i = 0; i < notices; i++) {
            store.outbox().appendNotices("event-" + i, List.of(
                    OutboxEntry.queued(Recipient.login("alice"), text, false, NOW)));
        }
        store.outbox().entries().forEach(e -> store.outbox().remove(List.of(e.id())));
    }

    private long fileSize() throws IOException {
        return Files.size(dir.resolve(StateStore.FILE_NAME));
    }

    @Test
    void closingCompactsAFileWhoseEntriesWereRemoved() throws IOException {
        StateStore store = StateStore.open(dir);
        churn(store, 3_000);
        long churned = fileSize();

        store.close();

        assertTrue(fileSize() < churned / 4, churned + " bytes before, " + fileSize() + " after");
    }

    @Test
    void compactingShrinksTheFileAndTheStoreGoesOn() throws IOException {
        try (StateStore store = StateStore.open(dir)) {
            churn(store, 3_000);
            long churned = fileSize();

            store.compact(Duration.ofSeconds(10));
            store.outbox().appendNotices("after", List.of(
                    OutboxEntry.queued(Recipient.login("bob"), "still works", false, NOW)));

            assertTrue(fileSize() < churned / 4, churned + " bytes before, " + fileSize());
            assertEquals(List.of("still works"),
                    store.outbox().entries().stream().map(OutboxEntry::text).toList());
        }
    }

    @Test
    void aSparseFileIsCompactedAndADenseOneIsLeftAlone() {
        try (StateStore store = StateStore.open(dir)) {
            boolean dense = store.compactIfSparse(Duration.ofSeconds(10));
            churn(store, 1_000);

            boolean sparse = store.compactIfSparse(Duration.ofSeconds(10));

            assertFalse(dense);
            assertTrue(sparse);
        }
    }

    @Test
    void removingADigestsEntriesIsOneCommit() {
        try (StateStore store = StateStore.open(dir)) {
            store.outbox().appendNotices("e", List.of(
                    OutboxEntry.queued(Recipient.login("alice"), "one", false, NOW),
                    OutboxEntry.queued(Recipient.login("alice"), "two", false, NOW),
                    OutboxEntry.queued(Recipient.login("alice"), "three", false, NOW)));
            long before = store.version();

            store.outbox().remove(store.outbox().entries().stream().map(OutboxEntry::id).toList());

            assertEquals(before + 1, store.version());
            assertEquals(0, store.outbox().size());
        }
    }

    @Test
    void unlinkedRepliesBeforeTheCutoffAreForgotten() {
        try (StateStore store = StateStore.open(dir)) {
            store.unlinkedTally().record(1, NOW.minus(Duration.ofDays(2)),
                    LocalDate.of(2024, 12, 30));
            store.unlinkedTally().record(2, NOW, LocalDate.of(2025, 1, 1));

            store.unlinkedTally().forgetBefore(NOW.minus(Duration.ofDays(1)));

            assertEquals(Optional.empty(), store.unlinkedTally().lastReply(1));
            assertEquals(Optional.of(NOW), store.unlinkedTally().lastReply(2));
            assertEquals(1, store.unlinkedTally().repliesOn(LocalDate.of(2025, 1, 1)));
        }
    }
}
