package casebird.twitter.inbox;

import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Pages back through the bot's DM events until it has passed the poller's position by the
 * look-back margin, or the list (Twitter keeps 30 days) ends; there is no page cap, so
 * catch-up after any downtime is complete. When the list budget runs out between pages,
 * the next read for the same position resumes at the page it stopped before, so a
 * catch-up longer than one window's budget still ends. Its first page asks for about as
 * many events as the last read went through, later pages for as many as X gives
 * ({@link EventPageSize}).
 */
final class CatchUpReader {

    /** A catch-up stopped between pages: what it had read and where it was. */
    private record Partial(long position, List<DmEvent> events, Instant anchor,
            Optional<String> cursor) {}

    private final TwitterPort twitter;
    private final Duration lookBack;
    private Partial partial;
    private int examinedLastRead = EventPageSize.MOST;

    CatchUpReader(TwitterPort twitter, Duration lookBack) {
        this.twitter = twitter;
        this.lookBack = lookBack;
    }

    /** The newest event on the list, or empty when the list is empty. */
    Optional<DmEvent> newest() {
        return twitter.listEvents(Optional.empty()).events().stream()
                .max(Comparator.comparingLong(DmEvent::id));
    }

    /**
     * Every listed event newer than the position, and those at or below it created within
     * the look-back margin of the newest such one that are not {@code settled} (handled
     * already, or not for the bot); newest first. Dropping settled ones while paging keeps
     * a busy inbox's look-back out of the heap.
     */
    List<DmEvent> since(long position, Predicate<DmEvent> settled) {
        boolean resume = partial != null && partial.position() == position;
        List<DmEvent> events = resume ? partial.events() : new ArrayList<>();
        Instant anchor = resume ? partial.anchor() : null;
        Optional<String> cursor = resume ? partial.cursor() : Optional.empty();
        partial = null;
        int examined = 0;
        while (true) {
            EventPage page;
            try {
                page = twitter.listEvents(cursor, cursor.isEmpty()
                        ? EventPageSize.firstPage(examinedLastRead) : EventPageSize.MOST);
            } catch (BudgetSpentException | TwitterApiException e) {
                partial = cursor.isEmpty() ? null : new Partial(position, events, anchor, cursor);
                throw e;
            }
            for (DmEvent e : page.events()) {
                examined++;
                if (e.id() <= position && anchor == null) {
                    anchor = e.createdAt();
                }
                if (anchor != null && !e.createdAt().isAfter(anchor.minus(lookBack))) {
                    examinedLastRead = examined;
                    return events;
                }
                if (e.id() > position || !settled.test(e)) {
                    events.add(e);
                }
            }
            if (page.events().isEmpty() || page.nextCursor().isEmpty()) {
                examinedLastRead = examined;
                return events;
            }
            cursor = page.nextCursor();
        }
    }
}
