package casebird.twitter;

import casebird.twitter.budget.PollPlanner;
import casebird.twitter.inbox.DeletionSweeper;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.push.PollCadence;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One turn of the plugin's background work: poll the inbox if the {@link PollPlanner} says
 * so, send what the outbox may send, delete one handled DM; and when the next turn is due.
 * The same code runs on the plugin's scheduler and in the budget simulator's virtual time.
 */
public final class WorkCycle {

    private final DirectMessagePoller poller;
    private final OutboxSender sender;
    private final DeletionSweeper sweeper;
    private final PollPlanner planner;
    private final PollCadence cadence;
    private final Clock clock;

    /**
     * Creates a cycle over those parts; all its work runs on the caller's thread. The
     * planner spends the list budget; the cadence slows reads to reconciliation while push
     * deliveries arrive.
     */
    public WorkCycle(DirectMessagePoller poller, OutboxSender sender, DeletionSweeper sweeper,
            PollPlanner planner, PollCadence cadence, Clock clock) {
        this.poller = poller;
        this.sender = sender;
        this.sweeper = sweeper;
        this.planner = planner;
        this.cadence = cadence;
        this.clock = clock;
    }

    /** Runs what is due now and returns when the next turn is due. */
    public Instant runDue() {
        if (!nextPoll(clock.instant()).isAfter(clock.instant())) {
            cadence.polled();
            planner.polled(clock.instant(), poller.pollOnce());
        }
        sendNow();
        sweeper.sweepOnce();
        Instant now = clock.instant();
        return Stream.of(Optional.of(nextPoll(now)), sender.nextDue(),
                        sweeper.nextDue())
                .flatMap(Optional::stream)
                .min(Instant::compareTo)
                .orElseThrow();
    }

    private Instant nextPoll(Instant now) {
        Instant planned = planner.nextPoll(now);
        Instant allowed = cadence.earliestNext();
        return planned.isAfter(allowed) ? planned : allowed;
    }

    /** Lets the next read of the inbox go as soon as the planner allows (a reconciliation). */
    public void readSoon() {
        cadence.readSoon();
    }

    /** Sends what the outbox may send now, telling the planner, as after queuing DMs. */
    public void sendNow() {
        planner.sent(clock.instant(), sender.sendDue());
    }
}
