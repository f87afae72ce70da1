package casebird.api;

/** Receives a plugin's health whenever it changes; must be cheap and thread-safe. */
public interface HealthReporter {

    /** Records the plugin's latest health, replacing what it reported before. */
    void report(PluginHealth health);
}
