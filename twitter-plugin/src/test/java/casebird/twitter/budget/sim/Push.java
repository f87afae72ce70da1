package casebird.twitter.budget.sim;

import java.util.List;

/**
 * How agents' DMs reach the plugin in a run: by polling only, or pushed to its webhook as
 * well, with a share of the deliveries dropped (polling reconciles those).
 */
record Push(String name, boolean on, double dropShare) {

    static final Push OFF = new Push("polling", false, 0);
    static final Push ON = new Push("push", true, 0);
    static final Push DROPPING = new Push("push, 10% dropped", true, 0.1);

    /** The modes the benchmark runs every trace in. */
    static final List<Push> MODES = List.of(OFF, ON, DROPPING);
}
