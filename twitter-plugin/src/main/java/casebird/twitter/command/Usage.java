package casebird.twitter.command;

import java.util.Objects;

/** A known verb with a missing or malformed argument: the agent gets that verb's usage line. */
public record Usage(Verb verb) implements Command {

    public Usage {
        if (Objects.requireNonNull(verb, "verb") == Verb.HELP) {
            throw new IllegalArgumentException("help takes any text, so it has no usage answer");
        }
    }

    /** The verb and an argument no verb accepts. */
    @Override
    public String render() {
        return verb.word() + " ?";
    }
}
