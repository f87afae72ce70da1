package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import casebird.harness.host.SimulatedHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A {@code dm} step the fake API refuses fails with the fake's reason. */
class DmStepTest {

    @Test
    void aDmTheFakeRefusesFailsTheStepWithTheFakesReason() throws Exception {
        List<String> failures = new ArrayList<>();
        Reporter reporter = new Reporter() {
            @Override
            public void stepFailed(Scenario scenario, Step step, String why) {
                failures.add("line " + step.line() + ": " + why);
            }
        };

        boolean held = new ScenarioRunner(SimulatedHost.findPluginZip(), reporter).run(
                ScenarioParser.parse("empty-dm", "user alice twitter=@alice_t\ndm @alice_t \"\""));

        assertFalse(held);
        assertEquals(List.of("line 2: the fake Twitter API refused the DM:"
                + " event.message_create.message_data.text is empty. (HTTP 400, code 214)"),
                failures);
    }
}
