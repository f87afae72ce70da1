package casebird.harness.host;

import casebird.api.PluginHealth;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A plugin's health as the harness prints it: a few lines an admin reads at a glance. */
public final class HealthText {

    private HealthText() {}

    /** The health report, or a line saying that the plugin has reported none yet. */
    public static String of(Optional<PluginHealth> health, Instant now) {
        return health.map(h -> of(h, now)).orElse("plugin health: nothing reported yet");
    }

    /** The four facts of a health report, one per line, ages relative to {@code now}. */
    public static String of(PluginHealth h, Instant now) {
        String poll = h.lastSuccessfulPoll()
                .map(at -> at + " (" + Duration.between(at, now).toSeconds() + "s ago)")
                .orElse("never");
        String budget = h.budgetLeft().isEmpty() ? "unknown" : new TreeMap<>(h.budgetLeft())
                .entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return String.join("\n",
                "plugin health: credentials " + h.credentials().name().toLowerCase(Locale.ROOT)
                        + ": " + h.detail(),
                "  last successful poll: " + poll,
                "  outbox backlog: " + h.outboxBacklog(),
                "  calls left in this rate-limit window: " + budget);
    }
}
