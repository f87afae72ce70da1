package casebird.twitter.command;

import java.util.OptionalLong;

/** {@code status <case>}: show a case's title, status, queue, owner and last note. */
public record Status(long caseId) implements Command {

    public Status {
        CaseIds.checkPositive(caseId);
    }

    @Override
    public Verb verb() {
        return Verb.STATUS;
    }

    @Override
    public OptionalLong namedCase() {
        return OptionalLong.of(caseId);
    }

    @Override
    public String render() {
        return "status " + caseId;
    }
}
