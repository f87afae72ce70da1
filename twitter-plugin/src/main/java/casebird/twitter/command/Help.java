package casebird.twitter.command;

/** {@code help}, or any text that is not a command: the agent gets the usage text. */
public record Help() implements Command {

    @Override
    public Verb verb() {
        return Verb.HELP;
    }

    @Override
    public String render() {
        return "help";
    }
}
