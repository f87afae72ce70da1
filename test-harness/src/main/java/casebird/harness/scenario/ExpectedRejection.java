package casebird.harness.scenario;

import casebird.harness.host.RuleRejectedException;

/** Checks {@code expect invalid rule}: the action's validation must reject the rule. */
final class ExpectedRejection {

    private ExpectedRejection() {}

    static void check(World world, Step.ExpectInvalidRule e) throws StepFailure {
        try {
            world.rules().addRule(StepExecutor.toRule(e.rule()));
        } catch (RuleRejectedException rejected) {
            if (!e.message().matcher(rejected.getMessage()).find()) {
                throw new StepFailure("rule " + e.rule().id() + " was rejected, but with \""
                        + rejected.getMessage() + "\", which does not match \""
                        + e.message().pattern() + "\"");
            }
            return;
        }
        throw new StepFailure("expected rule " + e.rule().id() + " to be rejected, but the"
                + " action accepted it");
    }
}
