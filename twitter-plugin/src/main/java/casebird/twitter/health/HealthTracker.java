package casebird.twitter.health;

import casebird.api.HealthReporter;
import casebird.api.PluginHealth;
import casebird.api.PluginHealth.Credentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Keeps the plugin's latest health facts and reports them to the host after each change. */
public final class HealthTracker {

    private final HealthReporter reporter;
    private final IntSupplier backlog;
    private final Supplier<Map<String, Integer>> budget;
    private Credentials credentials = Credentials.UNCHECKED;
    private String detail = "credentials not checked yet";
    private Optional<Instant> lastPoll = Optional.empty();
    private Optional<String> delivery = Optional.empty();
    private boolean permissionMissing;
    private final Map<String, String> warnings = new TreeMap<>();
    private final List<Supplier<String>> notes = new ArrayList<>();

    /**
     * Creates a tracker reporting to the host, reading the outbox backlog and the calls left
     * per endpoint on each report.
     */
    public HealthTracker(HealthReporter reporter, IntSupplier backlog,
            Supplier<Map<String, Integer>> budget) {
        this.reporter = reporter;
        this.backlog = backlog;
        this.budget = budget;
    }

    /**
     * Records what Twitter said about the credentials, with a sentence for the admin; a call
     * that merely succeeded again keeps the sentence of the check that first accepted them.
     */
    public synchronized void credentials(Credentials state, String sentence) {
        if (state != Credentials.ACCEPTED || credentials != Credentials.ACCEPTED) {
            detail = sentence;
        }
        credentials = state;
        permissionMissing &= state != Credentials.ACCEPTED;
    }

    /**
     * Records that X says the app or its token lacks a permission, a 403 naming no
     * recipient: the credentials count as rejected, and stay so until they are checked again
     * after {@code credentials-retry}, since no retry or skipping fixes it.
     */
    public synchronized void permissionMissing(String why) {
        credentials(Credentials.REJECTED, "X says the app lacks a permission: " + why
                + "; sending and reading stop, and no DM is dropped, until the app has read and"
                + " write access to Direct Messages and the bot is authorized again");
        permissionMissing = true;
    }

    /** Whether the latest rejection is a missing permission, not refused credentials. */
    public synchronized boolean permissionMissing() {
        return permissionMissing;
    }

    /** The latest credentials state anyone recorded. */
    public synchronized Credentials credentialsState() {
        return credentials;
    }

    /** Records a successful read of the inbox. */
    public synchronized void polled(Instant at) {
        lastPoll = Optional.of(at);
    }

    /** Records how DMs reach the plugin (push or polling), a sentence added to the detail. */
    public synchronized void delivery(String sentence) {
        delivery = Optional.of(sentence);
    }

    /**
     * Records a warning about one topic (e.g. {@code outbox}), a sentence added to the
     * detail until the same topic's warning is cleared with an empty one; returns whether
     * that changed the detail.
     */
    public synchronized boolean warning(String topic, Optional<String> sentence) {
        String before = sentence.isPresent() ? warnings.put(topic, sentence.get())
                : warnings.remove(topic);
        return !Objects.equals(before, sentence.orElse(null));
    }

    /** Adds a sentence read afresh for every report, e.g. today's spend. */
    public synchronized void note(Supplier<String> sentence) {
        notes.add(sentence);
    }

    /** Reports the current health to the host. */
    public synchronized void report() {
        StringBuilder sentences = new StringBuilder(detail);
        delivery.ifPresent(d -> sentences.append("; ").append(d));
        warnings.values().forEach(w -> sentences.append("; ").append(w));
        notes.forEach(n -> sentences.append("; ").append(n.get()));
        reporter.report(new PluginHealth(
                credentials, sentences.toString(), lastPoll, backlog.getAsInt(), budget.get()));
    }
}
