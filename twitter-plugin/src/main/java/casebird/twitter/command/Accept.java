package casebird.twitter.command;

import java.util.OptionalLong;

/** {@code accept <case>}: the agent takes a dispatched case from their queue. */
public record Accept(long caseId) implements Command {

    public Accept {
        CaseIds.checkPositive(caseId);
    }

    @Override
    public Verb verb() {
        return Verb.ACCEPT;
    }

    @Override
    public OptionalLong namedCase() {
        return OptionalLong.of(caseId);
    }

    @Override
    public String render() {
        return "accept " + caseId;
    }
}
