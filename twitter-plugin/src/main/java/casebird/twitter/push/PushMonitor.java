package casebird.twitter.push;

import casebird.twitter.health.HealthTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether push delivery works: Twitter accepted the webhook (registering it, after
 * its own CRC check) or delivered a signed DM within the silence limit. A CRC request is
 * no proof, since anyone can send one; after a silence the plugin registers again, so
 * Twitter's own word renews push. Each change is logged once and written into the
 * plugin's health.
 */
public final class PushMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(PushMonitor.class);

    private final Duration silence;
    private final Clock clock;
    private final HealthTracker health;
    private final String pollRates;
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
        this.silence = silence;
        this.clock = clock;
        this.health = health;
        this.pollRates = "the inbox is read every " + words(pollInterval)
                + "; with push, every " + words(reconcileInterval) + " to reconcile";
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
            sentence = active ? "push: webhook deliveries arriving"
                    : registered ? "push silent: no delivery or registration for "
                            + words(silence) + ", polling at full rate until they resume"
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

    private static String words(Duration d) {
        return d.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
