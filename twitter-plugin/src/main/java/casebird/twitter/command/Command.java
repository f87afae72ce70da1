package casebird.twitter.command;

import java.util.OptionalLong;

/** One agent DM as the command language understands it; {@link CommandParser} makes them. */
public sealed interface Command permits Help, Accept, Log, Close, Status, Mine, Usage {

    /** The verb this command is, or for {@link Usage}, the verb it explains. */
    Verb verb();

    /** The case this command names, if it names one. */
    default OptionalLong namedCase() {
        return OptionalLong.empty();
    }

    /** A DM text that {@link CommandParser#parse} turns back into this very command. */
    String render();
}
