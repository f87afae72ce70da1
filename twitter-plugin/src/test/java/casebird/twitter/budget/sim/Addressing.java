package casebird.twitter.budget.sim;

/**
 * Whom the CRM's rules address their notices to in a run: each of the queue's members
 * one-to-one ({@code to=queue-members}), or the queue's room ({@code to=queue-room}), one
 * group conversation of all of them.
 */
enum Addressing {
    ONE_TO_ONE("one-to-one"),
    ROOMS("rooms");

    private final String label;

    Addressing(String label) {
        this.label = label;
    }

    /** The column the notice figures carry. */
    String label() {
        return label;
    }
}
