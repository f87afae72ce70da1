package casebird.harness.host;

import casebird.api.rule.ValidationProblem;
import java.util.List;
import java.util.stream.Collectors;

/** A rule the rule manager refused to add; the message says why, readably for an admin. */
public final class RuleRejectedException extends Exception {

    private final String ruleId;
    private final List<ValidationProblem> problems;

    private RuleRejectedException(String ruleId, String reason, List<ValidationProblem> problems) {
        super("rule " + ruleId + " rejected: " + reason);
        this.ruleId = ruleId;
        this.problems = List.copyOf(problems);
    }

    /** The action's validation found problems with the rule's settings. */
    static RuleRejectedException invalid(String ruleId, List<ValidationProblem> problems) {
        String reason = problems.stream().map(ValidationProblem::toString)
                .collect(Collectors.joining("; "));
        return new RuleRejectedException(ruleId, reason, problems);
    }

    /** The rule cannot be added for a reason of the rule manager's own. */
    static RuleRejectedException refused(String ruleId, String reason) {
        return new RuleRejectedException(ruleId, reason, List.of());
    }

    /** The id of the rejected rule. */
    public String ruleId() {
        return ruleId;
    }

    /** The action's problems with the settings; empty when the rule failed for another reason. */
    public List<ValidationProblem> problems() {
        return problems;
    }
}
