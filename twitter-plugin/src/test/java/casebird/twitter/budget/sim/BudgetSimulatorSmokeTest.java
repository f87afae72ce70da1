package casebird.twitter.budget.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.budget.Prices;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Runs the budget simulator on a tiny trace so that it cannot rot; its figures are not timed. */
class BudgetSimulatorSmokeTest {

    private static final Duration RECONCILE_INTERVAL = Duration.ofMinutes(15);
    private static final BigDecimal DM_SENT = Prices.published().dmSent();
    private static final BigDecimal EVENT_READ = Prices.published().dmEventRead();
    private static final BigDecimal DELIVERED = Prices.published().dmDelivered();
    /** {@code stream-silence} and the slowest full-rate read, at their defaults. */
    private static final Duration STREAM_SILENCE = Duration.ofSeconds(20);
    private static final Duration POLL_INTERVAL = Duration.ofMinutes(1);

    @Test
    void aSmallDayRunsEveryCommandOnceAndDeliversEveryNoticeWithoutA429() throws Exception {
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), Push.OFF,
                SimApi.V1_1);

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

    @Test
    void withPushEveryCommandRunsOnceWithinTheDeliveryLatency() throws Exception {
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), Push.ON,
                SimApi.V1_1);

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();

        assertEquals(12, run.commands);
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(0, run.lostNotices());
        assertEquals(0, twitter.unexpected429s);
        assertTrue(run.percentileSeconds(1.0) <= 0.9, "slowest " + run.percentileSeconds(1.0));
    }

    @Test
    void droppedDeliveriesAreCaughtByReconciliationWithinItsInterval() throws Exception {
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), Push.DROPPING,
                SimApi.V1_1);

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();
        double slowest = run.percentileSeconds(1.0);

        assertTrue(simulator.webhook().dropped > 0, "the seed drops none: choose another");
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(0, twitter.unexpected429s);
        assertTrue(slowest > 0.9, "no command waited for reconciliation: " + slowest);
        assertTrue(slowest <= RECONCILE_INTERVAL.toSeconds(), "slowest " + slowest);
    }

    @Test
    void underV2NothingIsLostWithoutA429AndEveryDmSentAndListedIsBilled() throws Exception {
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), Push.OFF,
                SimApi.V2);

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();
        int sent = twitter.sent().size();
        BigDecimal floor = DM_SENT.multiply(BigDecimal.valueOf(sent))
                .add(EVENT_READ.multiply(BigDecimal.valueOf(run.commands + sent)));

        assertEquals(12, run.commands);
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(0, run.lostNotices());
        assertEquals(0, twitter.unexpected429s);
        assertTrue(run.spend.firstDay().compareTo(floor) >= 0,
                "spent " + run.spend.firstDay() + ", less than the DMs listed and sent: " + floor);
    }

    @Test
    void underV2PushPicksEveryCommandUpWithinTheDeliveryLatencyAndBillsEachDelivery()
            throws Exception {
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), Push.ON,
                SimApi.V2);

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();

        assertEquals(12, simulator.webhook().delivered);
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(0, run.lostNotices());
        assertEquals(0, twitter.unexpected429s);
        assertTrue(run.percentileSeconds(1.0) <= 0.9, "slowest " + run.percentileSeconds(1.0));
        assertEquals(0, DELIVERED.multiply(BigDecimal.valueOf(run.commands))
                .compareTo(run.deliveryCharges), "charged " + run.deliveryCharges);
    }

    @Test
    void whileTheStreamIsDownCommandsArePolledAtFullRateAndNoneIsLost() throws Exception {
        Push down = Push.streamDown(Trace.DAY.plus(Duration.ofHours(9)), Duration.ofHours(1));
        BudgetSimulator simulator = new BudgetSimulator(tinyDay(), Map.of(), down, SimApi.V2);

        SimTwitter twitter = simulator.run();
        SimRun run = simulator.result();
        double slowest = run.percentileSeconds(1.0);

        assertTrue(simulator.webhook().lostToOutage > 0, "the outage hits no DM: move it");
        assertEquals(0, run.lostCommands());
        assertEquals(0, run.duplicates);
        assertEquals(0, twitter.unexpected429s);
        assertTrue(slowest > 0.9, "no command waited for a read: " + slowest);
        assertTrue(slowest <= STREAM_SILENCE.plus(POLL_INTERVAL.multipliedBy(2)).toSeconds(),
                "slowest " + slowest + " s: reads did not go at full rate while it was down");
    }

    @Test
    void roomsCarryTheNoticesInFewerSendsThanOneToOneAndLoseNone() throws Exception {
        BudgetSimulator oneToOne = new BudgetSimulator(tinyDay(), Map.of(), Push.OFF,
                SimApi.V2, Addressing.ONE_TO_ONE);
        BudgetSimulator rooms = new BudgetSimulator(tinyDay(), Map.of(), Push.OFF,
                SimApi.V2, Addressing.ROOMS);

        oneToOne.run();
        SimTwitter twitter = rooms.run();
        SimRun run = rooms.result();

        assertEquals(4 + 4, run.noticeQueuedAt.size());
        assertEquals(0, run.lostNotices());
        assertEquals(0, run.lostCommands());
        assertEquals(0, twitter.unexpected429s);
        assertEquals(run.noticeSends, twitter.roomPosts(), "a notice went one-to-one");
        assertTrue(run.noticeSends < oneToOne.result().noticeSends,
                "rooms " + run.noticeSends + ", one-to-one " + oneToOne.result().noticeSends);
    }

    private static Trace tinyDay() {
        return Trace.cases("smoke", 4, Trace.DAY.plus(Duration.ofHours(9)),
                Duration.ofHours(1), Faults.none(), new Random(1));
    }
}
