package casebird.harness.cli;

import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.Step;
import java.util.List;
import java.util.Set;

/** The statements of a scenario that act on the built-in fake X API, not on host or CRM. */
final class FakeOnlyStatements {

    private static final Set<Class<? extends Step>> KINDS = Set.of(Step.TwitterAccount.class,
            Step.Rename.class, Step.Limit.class, Step.DeliveryPush.class, Step.Fault.class,
            Step.DeliveryStream.class, Step.StreamFault.class,
            Step.TokenFault.class, Step.Dm.class, Step.DeliverForged.class,
            Step.DeliverCrcSigned.class, Step.DeliverReplayed.class, Step.Crash.class,
            Step.ExpectDm.class, Step.ExpectNoDm.class, Step.ExpectDmCount.class,
            Step.ExpectApi.class, Step.ExpectSpend.class, Step.RoomDm.class,
            Step.ExpectRoomDm.class, Step.ExpectNoRoomDm.class, Step.ExpectRoomDmCount.class);

    private FakeOnlyStatements() {}

    /** Each such statement as {@code line N: text}, in file order; empty when none is. */
    static List<String> in(Scenario scenario) {
        return scenario.steps().stream().filter(step -> KINDS.contains(step.getClass()))
                .map(step -> "line " + step.line() + ": " + scenario.text(step)).toList();
    }
}
