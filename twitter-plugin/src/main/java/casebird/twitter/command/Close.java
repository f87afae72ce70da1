package casebird.twitter.command;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code close <case> [notes]}: close a case the agent owns, logging the note first if given.
 *
 * @param notes the closing note exactly as the agent wrote it; when present, never empty and
 *     never starting with whitespace
 */
public record Close(long caseId, Optional<String> notes) implements Command {

    public Close {
        CaseIds.checkPositive(caseId);
        Objects.requireNonNull(notes, "notes").ifPresent(n -> Words.checkNotes(n, caseId));
    }

    @Override
    public Verb verb() {
        return Verb.CLOSE;
    }

    @Override
    public OptionalLong namedCase() {
        return OptionalLong.of(caseId);
    }

    @Override
    public String render() {
        return "close " + caseId + notes.map(n -> " " + n).orElse("");
    }
}
