package casebird.twitter.command;

import java.util.Objects;

/**
 * {@code log <case> <notes>}: add a note to a case.
 *
 * @param notes the note exactly as the agent wrote it; never empty
 */
public record Log(long caseId, String notes) implements Command {

    public Log {
        CaseIds.checkPositive(caseId);
        if (Objects.requireNonNull(notes, "notes").isEmpty()) {
            throw new IllegalArgumentException("a note on case " + caseId + " must not be empty");
        }
    }

    @Override
    public Verb verb() {
        return Verb.LOG;
    }
}
