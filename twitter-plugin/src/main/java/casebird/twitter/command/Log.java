package casebird.twitter.command;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * {@code log <case> <notes>}: add a note to a case.
 *
 * @param notes the note exactly as the agent wrote it; never empty, and never starting with
 *     whitespace (which separates it from the case id)
 */
public record Log(long caseId, String notes) implements Command {

    public Log {
        CaseIds.checkPositive(caseId);
        Words.checkNotes(Objects.requireNonNull(notes, "notes"), caseId);
    }

    @Override
    public Verb verb() {
        return Verb.LOG;
    }

    @Override
    public OptionalLong namedCase() {
        return OptionalLong.of(caseId);
    }

    @Override
    public String render() {
        return "log " + caseId + " " + notes;
    }
}
