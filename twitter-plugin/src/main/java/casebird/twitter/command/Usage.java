package casebird.twitter.command;

import java.util.Objects;

/** A known verb with a missing or malformed argument: the agent gets that verb's usage line. */
public record Usage(Verb verb) implements Command {

    public Usage {
        Objects.requireNonNull(verb, "verb");
    }
}
