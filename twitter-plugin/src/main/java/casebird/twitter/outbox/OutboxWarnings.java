package casebird.twitter.outbox;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.client.Endpoint;
import casebird.twitter.config.Durations;
import casebird.twitter.health.HealthTracker;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox's health warnings: past its {@link OutboxBounds} (size and age), and behind the
 * notice bound, which even joined DMs cannot keep when sending is held (a spend cap, a spent
 * send limit, X refusing the bot): it says how long the oldest DM has waited and until when
 * sending is held.
 */
final class OutboxWarnings {

    private static final String OUTBOX = "outbox";
    private static final String BEHIND = "notice-delay";

    private final Outbox outbox;
    private final HealthTracker health;
    private final OutboxBounds bounds;
    private final Clock clock;
    private final ApiBudget budget;

    OutboxWarnings(Outbox outbox, HealthTracker health, OutboxBounds bounds, Clock clock,
            ApiBudget budget) {
        this.outbox = outbox;
        this.health = health;
        this.bounds = bounds;
        this.clock = clock;
        this.budget = budget;
    }

    /** Sets both warnings from the outbox as it is now; returns whether either changed. */
    boolean update() {
        Instant now = clock.instant();
        Optional<Instant> oldest = outbox.oldestQueuedAt();
        boolean changed = health.warning(OUTBOX, overBounds(now, oldest));
        return health.warning(BEHIND, behind(now, oldest)) || changed;
    }

    private Optional<String> overBounds(Instant now, Optional<Instant> oldest) {
        List<String> over = new ArrayList<>();
        int size = outbox.size();
        if (size >= bounds.size()) {
            over.add("the outbox holds " + size + " DMs (outbox-warn-size " + bounds.size()
                    + ")");
        }
        oldest.filter(at -> !at.plus(bounds.age()).isAfter(now))
                .ifPresent(at -> over.add("the oldest DM has waited since " + at
                        + " (outbox-warn-age " + bounds.age() + ")"));
        return over.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", over));
    }

    private Optional<String> behind(Instant now, Optional<Instant> oldest) {
        if (oldest.isEmpty()) {
            return Optional.empty();
        }
        Duration waited = Duration.between(oldest.get(), now);
        if (waited.compareTo(bounds.noticeMaxDelay()) <= 0) {
            return Optional.empty();
        }
        Instant held = budget.readyAt(Endpoint.DM_SEND);
        return Optional.of("notices are behind: the oldest waiting DM has waited "
                + Durations.words(waited.withNanos(0)) + ", over notice-max-delay "
                + Durations.text(bounds.noticeMaxDelay())
                + (held.isAfter(now) ? "; sending is held until " + held
                        + " (send limit or daily-spend-cap)" : ""));
    }
}
