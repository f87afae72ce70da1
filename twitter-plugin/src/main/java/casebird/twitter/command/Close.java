package casebird.twitter.command;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code close <case> [notes]}: close a case the agent owns, logging the note first if given.
 *
 * @param notes the closing note exactly as the agent wrote it; when present, never empty
 */
public record Close(long caseId, Optional<String> notes) implements Command {

    public Close {
        CaseIds.checkPositive(caseId);
        if (Objects.requireNonNull(notes, "notes").filter(String::isEmpty).isPresent()) {
            throw new IllegalArgumentException(
                    "a closing note on case " + caseId + " must be absent or non-empty");
        }
    }

    @Override
    public Verb verb() {
        return Verb.CLOSE;
    }
}
