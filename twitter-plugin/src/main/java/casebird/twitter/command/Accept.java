package casebird.twitter.command;

/** {@code accept <case>}: the agent takes a dispatched case from their queue. */
public record Accept(long caseId) implements Command {

    public Accept {
        CaseIds.checkPositive(caseId);
    }

    @Override
    public Verb verb() {
        return Verb.ACCEPT;
    }
}
