package casebird.twitter.budget.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs the budget simulator on a tiny trace so that it cannot rot; its figures are not timed. */
class BudgetSimulatorSmokeTest {

    @Test
    void aSmallDayRunsEveryCommandOnceAndDeliversEveryNoticeWithoutA429() throws Exception {
        Trace trace = Trace.cases("smoke", 4, Trace.DAY.plus(Duration.ofHours(9)),
                Duration.ofHours(1), Faults.none(), new Random(1));
        BudgetSimulator simulator = new BudgetSimulator(trace, Map.of());

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();

        assertEquals(12, run.commands);
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(4 * 10 + 4 * 9, run.noticeQueuedAt.size());
        assertEquals(0, run.lostNotices());
        assertEquals(0, twitter.unexpected429s);
        assertTrue(run.report(twitter, 0).contains("commands 12"));
    }
}
