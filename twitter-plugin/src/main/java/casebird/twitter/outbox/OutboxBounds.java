package casebird.twitter.outbox;

import java.time.Duration;

/**
 * When the plugin's health warns about the outbox; nothing is ever dropped for them.
 *
 * @param age how long a DM may wait before health warns
 * @param size how many DMs may wait before health warns
 * @param noticeMaxDelay how long a notice may wait: past it, the notice goes in the next DM
 *     to its recipient whatever the pacing, and health says how far behind the outbox is
 */
public record OutboxBounds(Duration age, int size, Duration noticeMaxDelay) {}
