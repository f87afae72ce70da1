package casebird.twitter.outbox;

import java.time.Duration;

/**
 * When the plugin's health warns about the outbox; nothing is ever dropped for them.
 *
 * @param age how long a DM may wait before health warns
 * @param size how many DMs may wait before health warns
 */
public record OutboxBounds(Duration age, int size) {}
