package casebird.twitter.command;

/** One agent DM as the command language understands it; {@link CommandParser} makes them. */
public sealed interface Command permits Help, Accept, Log, Close, Status, Mine, Usage {

    /** The verb this command is, or for {@link Usage}, the verb it explains. */
    Verb verb();
}
