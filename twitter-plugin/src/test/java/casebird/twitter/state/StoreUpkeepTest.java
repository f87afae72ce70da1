package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.Recipient;
import casebird.twitter.testing.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreUpkeepTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(NOW);

    /** Queues and removes notices of 1,000 characters, one commit each, as sends do. */
    private static void churn(StateStore store) {
        for (int i = 0; i < 1_000; i++) {
            store.outbox().appendNotices("event-" + i, List.of(OutboxEntry.queued(
                    Recipient.login("alice"), "x".repeat(1_000), false, NOW)));
        }
        store.outbox().entries().forEach(e -> store.outbox().remove(List.of(e.id())));
    }

    private long fileSize() throws IOException {
        return Files.size(dir.resolve(StateStore.FILE_NAME));
    }

    @Test
    void aSparseFileIsCompactedAtTheNextCheckNotBefore() throws IOException {
        try (StateStore store = StateStore.open(dir)) {
            StoreUpkeep upkeep = new StoreUpkeep(store, Duration.ofMinutes(1),
                    Duration.ofSeconds(10), clock);
            upkeep.runIfDue();
            churn(store);
            long churned = fileSize();

            clock.advance(Duration.ofSeconds(59));
            upkeep.runIfDue();
            long withinInterval = fileSize();
            clock.advance(Duration.ofSeconds(1));
            upkeep.runIfDue();

            assertEquals(churned, withinInterval, "not due yet");
            assertTrue(fileSize() < churned / 4, churned + " bytes, then " + fileSize());
        }
    }
}
