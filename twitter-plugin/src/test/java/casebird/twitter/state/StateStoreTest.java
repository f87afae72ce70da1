package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
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
            assertEquals(42, store.position().getAsLong());
            assertEquals(42, store.floor());
            assertEquals(List.of("New case 1"),
                    store.outbox().stream().map(OutboxEntry::text).toList());
        }
        assertEquals(Integer.toString(StoreFormat.CURRENT), rawMeta().get("format"));
    }

    @Test
    void anOutboxWrittenBeforeItsDueIndexIsIndexedWhenOpened() {
        writeRaw(Map.of("format", "2", "outbox-seq", "2"), Map.of(
                1L, "LOGIN\talice\tfalse\t0\t" + NOW.toEpochMilli() + "\tdue now",
                2L, "LOGIN\talice\tfalse\t1\t" + NOW.plusSeconds(60).toEpochMilli()
                        + "\tdue later"));

        try (StateStore store = StateStore.open(dir)) {
            assertEquals(List.of("due now"),
                    store.dueOutbox(NOW).stream().map(OutboxEntry::text).toList());
            assertEquals(Optional.of(NOW), store.oldestQueuedAt());
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

            store.completeEvent(7, NOW, Optional.of(reply), true);
            store.completeEvent(7, NOW, Optional.of(reply), true);

            assertEquals(1, store.outboxSize());
            assertEquals(List.of(7L), store.deletions(10));
        }
    }

    @Test
    void withSyncEveryCommitIsStillReadBackAfterReopening() {
        try (StateStore store = StateStore.open(dir, true)) {
            store.startAt(5);
            store.completeEvent(9, NOW, Optional.empty(), false);
        }

        try (StateStore store = StateStore.open(dir, true)) {
            assertEquals(9, store.position().getAsLong());
            assertEquals(5, store.floor());
            assertTrue(store.isProcessed(9));
        }
    }
}
