package casebird.twitter.push;

import casebird.twitter.config.Durations;
import casebird.twitter.health.HealthTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether push delivery works. Under v1.1's Account Activity API: Twitter accepted
 * the webhook (registering it, after its own CRC check) or delivered a signed DM within the
 * silence limit. A CRC request is no proof, since anyone can send one; after a silence the
 * plugin registers again, so Twitter's own word renews push. Under the X Activity API
 * ({@link #confirmedByX}), silence proves nothing: push works while X says so (the stream
 * is connected, or the webhook is valid, and the subscription exists), as its keepers
 * report with {@link #working} and {@link #failing}. Each change is logged once and
 * written into the plugin's health.
 */
public final class PushMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PushMonitor.class);

    private final Duration silence;
    private final Clock clock;
    private final HealthTracker health;
    private final String pollRates;
    private final boolean confirmedByX;
    private String working = "webhook deliveries arriving";
    private Instant lastHeard;
    private boolean registered;
    private String problem = "the webhook is not registered yet";
    private boolean failed;
    private String lastSentence = "";

    /**
     * A monitor reporting to {@code health}; the intervals only word its sentences.
     *
     * @param silence how long without a call from Twitter before push counts as failed
     */
    public PushMonitor(Duration silence, Duration pollInterval, Duration reconcileInterval,
            Clock clock, HealthTracker health) {
        this(silence, pollInterval, reconcileInterval, clock, health, false);
    }

    private PushMonitor(Duration silence, Duration pollInterval, Duration reconcileInterval,
            Clock clock, HealthTracker health, boolean confirmedByX) {
        this.confirmedByX = confirmedByX;
        this.silence = silence;
        this.clock = clock;
        this.health = health;
        this.pollRates = "the inbox is read every " + Durations.words(pollInterval)
                + "; with push, every " + Durations.words(reconcileInterval) + " to reconcile";
    }

    /**
     * A monitor for the X Activity API, where push works exactly while its keepers say so;
     * {@code what} names what is not set up yet, e.g. {@code the stream is not connected yet}.
     */
    public static PushMonitor confirmedByX(Duration pollInterval, Duration reconcileInterval,
            Clock clock, HealthTracker health, String what) {
        PushMonitor monitor = new PushMonitor(Duration.ZERO, pollInterval, reconcileInterval,
                clock, health, true);
        monitor.problem = what;
        return monitor;
    }

    /** X says push works, as {@code how} words it (e.g. the stream and subscription). */
    public synchronized void working(String how) {
        registered = true;
        working = how;
    }

    /** Push does not work now, for that reason; the inbox is read at full rate. */
    public synchronized void failing(String reason) {
        registered = false;
        failed = true;
        problem = reason;
    }

    /** Twitter made a delivery whose signature matched its body. */
    public synchronized void heard() {
        lastHeard = clock.instant();
    }

    /** Twitter accepted the webhook (after its own CRC check) and the bot's subscription. */
    public synchronized void registered() {
        registered = true;
        lastHeard = clock.instant();
    }

    /** Registering the webhook failed, for that reason. */
    public synchronized void registrationFailed(String reason) {
        registered = false;
        failed = true;
        problem = "the webhook could not be registered: " + reason;
    }

    /** Whether deliveries count as arriving, so that polling may slow to reconciliation. */
    public synchronized boolean active() {
        if (confirmedByX) {
            return registered;
        }
        return registered && lastHeard != null
                && clock.instant().isBefore(lastHeard.plus(silence));
    }

    /** Writes the current state into the health, logging it when it changed; cheap. */
    public void check() {
        String sentence;
        boolean quiet;
        synchronized (this) {
            boolean active = active();
            quiet = active || !(registered || failed);
            sentence = active ? "push: " + working
                    : registered ? "push silent: no delivery or registration for "
                            + Durations.words(silence) + ", polling at full rate until they resume"
                    : "push unavailable, polling at full rate: " + problem;
            if (sentence.equals(lastSentence)) {
                return;
            }
            lastSentence = sentence;
        }
        health.delivery(sentence + " (" + pollRates + ")");
        health.report();
        if (quiet) {
            LOG.info(sentence);
        } else {
            LOG.warn(sentence);
        }
    }
}
