package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.state.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnlinkedReplyGateTest {

    private static final Instant MORNING = Instant.parse("2025-01-01T08:00:00Z");

    @TempDir Path dir;
    private StateStore store;
    private UnlinkedReplyGate gate;

    @BeforeEach
    void openStore() {
        store = StateStore.open(dir);
        gate = new UnlinkedReplyGate(store.unlinkedTally(), Duration.ofHours(24), 3);
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void oneSenderGetsOneReplyPerInterval() {
        assertTrue(gate.admit(66, MORNING));
        assertFalse(gate.admit(66, MORNING.plus(Duration.ofHours(23))));
        assertTrue(gate.admit(66, MORNING.plus(Duration.ofHours(24))));
    }

    @Test
    void throwawayAccountsStopAtTheDailyCapForAllSendersTogether() {
        long admitted = LongStream.rangeClosed(1, 10).filter(id -> gate.admit(id, MORNING)).count();

        assertEquals(3, admitted);
        assertFalse(gate.admit(11, MORNING.plus(Duration.ofHours(15))));
        assertTrue(gate.admit(11, MORNING.plus(Duration.ofHours(16))), "a new UTC day");
    }

    @Test
    void theTallySurvivesARestart() {
        gate.admit(66, MORNING);
        store.close();
        store = StateStore.open(dir);

        assertFalse(new UnlinkedReplyGate(store.unlinkedTally(), Duration.ofHours(24), 3)
                .admit(66, MORNING));
    }

    @Test
    void aReplyOlderThanTheIntervalIsForgottenSoTheTallyStaysSmall() {
        gate.admit(66, MORNING);

        gate.admit(77, MORNING.plus(Duration.ofHours(25)));

        assertEquals(Optional.empty(), store.unlinkedTally().lastReply(66));
        assertEquals(Optional.of(MORNING.plus(Duration.ofHours(25))),
                store.unlinkedTally().lastReply(77));
    }
}
