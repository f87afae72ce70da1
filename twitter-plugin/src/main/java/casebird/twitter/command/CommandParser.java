package casebird.twitter.command;

import java.util.Objects;
import java.util.Optional;

/**
 * Turns the text of an agent's DM into a {@link Command}; pure, no I/O.
 *
 * <p>Verbs are case-insensitive; a case is written {@code 1234} or {@code #1234}; words may
 * be separated by any whitespace, line breaks included. Notes are everything after the
 * whitespace that follows the case id, kept exactly (inner and trailing line breaks and any
 * Unicode included). A known verb with a missing, malformed or surplus argument becomes
 * {@link Usage} for that verb; anything else that is not a command becomes {@link Help}.
 */
public final class CommandParser {

    private CommandParser() {}

    /** The command a DM's text asks for; never null. */
    public static Command parse(String text) {
        Words words = new Words(Objects.requireNonNull(text, "text"));
        Optional<Verb> verb = Verb.named(words.next());
        if (verb.isEmpty() || verb.get() == Verb.HELP) {
            return new Help();
        }
        if (verb.get() == Verb.MINE) {
            return words.rest().isEmpty() ? new Mine() : new Usage(Verb.MINE);
        }
        Optional<Long> caseId = CaseIds.parse(words.next());
        if (caseId.isEmpty()) {
            return new Usage(verb.get());
        }
        return withCase(verb.get(), caseId.get(), words.rest());
    }

    private static Command withCase(Verb verb, long caseId, String rest) {
        return switch (verb) {
            case ACCEPT -> rest.isEmpty() ? new Accept(caseId) : new Usage(verb);
            case STATUS -> rest.isEmpty() ? new Status(caseId) : new Usage(verb);
            case LOG -> rest.isEmpty() ? new Usage(verb) : new Log(caseId, rest);
            case CLOSE -> new Close(caseId, rest.isEmpty() ? Optional.empty() : Optional.of(rest));
            case HELP, MINE -> throw new IllegalArgumentException(verb + " takes no case id");
        };
    }
}
