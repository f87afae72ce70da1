package casebird.twitter.command;

/** {@code mine}: list the agent's open cases. */
public record Mine() implements Command {

    @Override
    public Verb verb() {
        return Verb.MINE;
    }

    @Override
    public String render() {
        return "mine";
    }
}
