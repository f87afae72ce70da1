package casebird.api;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A plugin's health as the host shows it to admins.
 *
 * @param credentials whether Twitter accepted the plugin's credentials
 * @param detail a sentence an admin can act on, e.g. why the credentials were rejected
 * @param lastSuccessfulPoll when the inbox was last read successfully, if ever
 * @param outboxBacklog messages waiting to be sent
 * @param budgetLeft calls left in the current rate-limit window, by endpoint name
 */
public record PluginHealth(
        Credentials credentials,
        String detail,
        Optional<Instant> lastSuccessfulPoll,
        int outboxBacklog,
        Map<String, Integer> budgetLeft) {

    /** The state of the plugin's Twitter credentials. */
    public enum Credentials { UNCHECKED, ACCEPTED, REJECTED, UNREACHABLE }

    public PluginHealth {
        budgetLeft = Map.copyOf(budgetLeft);
    }
}
