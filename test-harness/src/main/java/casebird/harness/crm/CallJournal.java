package casebird.harness.crm;

import casebird.harness.journal.JsonLinesJournal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The CRM's journal of calls: it gives each call its time and writes the call down before
 * its effect can be seen, so replaying the journal rebuilds the CRM; not thread-safe (the
 * CRM locks).
 */
final class CallJournal implements AutoCloseable {

    private final Clock clock;
    private Consumer<CrmChange> log = change -> { };
    private JsonLinesJournal<CrmChange> file;
    private Instant replayAt;

    CallJournal(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The time of a call starting now: the clock's, or during a replay the recorded one. */
    Instant callTime() {
        return replayAt != null ? replayAt : clock.instant();
    }

    /** Writes a call down before its effect can be seen. */
    void record(CrmChange change) {
        log.accept(change);
    }

    /**
     * Replays the calls {@code file} holds on {@code crm}, each at its own time, and from
     * then on writes every new call to the file.
     */
    void replayThenWrite(JsonLinesJournal.Opened<CrmChange> opened, InMemoryCrm crm) {
        List<CrmChange> changes = opened.records();
        for (CrmChange change : changes) {
            replayAt = Instant.parse(change.at());
            change.replay(crm);
        }
        replayAt = null;
        file = opened.journal();
        log = file::append;
    }

    /** Closes the file, if the journal has one. */
    @Override
    public void close() {
        if (file != null) {
            file.close();
        }
    }
}
