package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DueOutboxTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir Path dir;
    private StateStore store;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private OutboxEntry queue(String text, boolean reply, Instant at) {
        store.outbox().appendNotices("event-" + text,
                List.of(OutboxEntry.queued(Recipient.login("alice"), text, reply, at)));
        return store.outbox().entries().get(store.outbox().size() - 1);
    }

    private static List<String> texts(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::text).toList();
    }

    @Test
    void onlyEntriesDueByNowAreReadRepliesFirst() {
        queue("notice now", false, NOW);
        OutboxEntry later = queue("notice later", false, NOW);
        queue("reply now", true, NOW);
        store.outbox().update(later.failedOnce(NOW.plusSeconds(30)));

        assertEquals(List.of("reply now", "notice now"), texts(store.outbox().due(NOW)));
        assertEquals(List.of("reply now", "notice now", "notice later"),
                texts(store.outbox().due(NOW.plusSeconds(30))));
    }

    @Test
    void theNextDueTimesOfRepliesAndNoticesComeApart() {
        OutboxEntry notice = queue("notice", false, NOW);
        store.outbox().update(notice.failedOnce(NOW.plusSeconds(30)));
        OutboxEntry reply = queue("reply", true, NOW);

        assertEquals(Optional.of(NOW), store.outbox().nextDue(true));
        assertEquals(Optional.of(NOW.plusSeconds(30)), store.outbox().nextDue(false));
        store.outbox().remove(List.of(reply.id()));
        assertEquals(Optional.empty(), store.outbox().nextDue(true));
        assertEquals(List.of(), store.outbox().due(NOW));
    }

    @Test
    void theOldestEntryKeepsTheTimeItWasQueuedThroughRetries() {
        OutboxEntry first = queue("first", false, NOW);
        queue("second", false, NOW.plus(Duration.ofMinutes(5)));
        store.outbox().update(first.failedOnce(NOW.plus(Duration.ofMinutes(10))));

        assertEquals(Optional.of(NOW), store.outbox().oldestQueuedAt());
        store.outbox().remove(List.of(first.id()));
        assertEquals(Optional.of(NOW.plus(Duration.ofMinutes(5))), store.outbox().oldestQueuedAt());
    }
}
