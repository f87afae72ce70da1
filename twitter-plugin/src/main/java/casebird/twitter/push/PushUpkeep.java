package casebird.twitter.push;

/**
 * The work that keeps push set up on X, run on the plugin's scheduler once the inbox is
 * ready: registering v1.1's webhook, or keeping the X Activity API's subscription, webhook
 * and stream.
 */
interface PushUpkeep {

    /** Does what is due now; failures are reported to the monitor, never thrown. */
    void runIfDue();

    /** Ends what the upkeep runs on its own (e.g. the stream's thread). */
    default void close() {}
}
