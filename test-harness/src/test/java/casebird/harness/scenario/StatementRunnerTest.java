package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statements given one at a time, as the web console gives them, against a live world. */
class StatementRunnerTest {

    private World world;

    @BeforeEach
    void create() throws Exception {
        world = World.create(SimulatedHost.findPluginZip());
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void textOnTwoLinesIsRefusedBeforeAnythingRuns() {
        StatementRunner statements = new StatementRunner(world);

        ScenarioSyntaxException refused = assertThrows(ScenarioSyntaxException.class,
                () -> statements.run("queue A\nqueue B"));

        assertTrue(refused.getMessage().contains("one statement on one line"),
                refused.getMessage());
        assertTrue(world.crm().queues().isEmpty(), world.crm().queues()::toString);
    }

    @Test
    void anAcceptFromASecondRunnerIsACallOfItsOwnNotAReplayOfTheFirst() throws Exception {
        StatementRunner file = new StatementRunner(world);
        file.run("user bob queues=Support");
        file.run("user carol queues=Support");
        file.run("case 1 \"Printer on fire\"");
        file.run("dispatch 1 to Support");
        file.run("accept 1 as bob");
        StatementRunner console = new StatementRunner(world);

        StatementFailedException refused = assertThrows(StatementFailedException.class,
                () -> console.run("accept 1 as carol"));

        assertTrue(refused.getMessage().contains("bob"), refused.getMessage());
        assertEquals("accept 1 as carol", refused.statement());
    }
}
