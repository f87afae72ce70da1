package casebird.harness.twitter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * One account's DM list as X API v2 pages it: its one-to-one messages and the events of
 * its group conversations together, newest first, 30 days deep.
 */
final class DmTimeline {

    private static final Duration LIST_WINDOW = Duration.ofDays(30);
    private static final Comparator<DmEvent> NEWEST_FIRST =
            Comparator.comparingLong(DmEvent::id).reversed();

    /** Which events a list shows: one-to-one messages or not, and which group events. */
    record Filter(boolean oneToOne, Predicate<GroupEvent> groupEvents) {
    }

    /** A page of events, newest first, and the id to continue below. */
    record Page(List<DmEvent> events, OptionalLong continueBelow) {
    }

    private final Clock clock;
    private final MessageStore messages;
    private final GroupConversations groups;

    DmTimeline(Clock clock, MessageStore messages, GroupConversations groups) {
        this.clock = clock;
        this.messages = messages;
        this.groups = groups;
    }

    /** Up to {@code count} events below an id (or the newest), newest first. */
    Page page(long accountId, int count, OptionalLong below, Filter filter) {
        List<DmEvent> events = new ArrayList<>();
        boolean more = false;
        if (filter.oneToOne()) {
            MessageStore.Page own = messages.page(accountId, count, below);
            events.addAll(own.events());
            more = own.continueBelow().isPresent();
        }
        groupEvents(accountId, filter).stream()
                .filter(e -> below.isEmpty() || e.id() < below.getAsLong())
                .forEach(events::add);
        events.sort(NEWEST_FIRST);
        if (events.size() <= count && !more) {
            return new Page(events, OptionalLong.empty());
        }
        List<DmEvent> shown = List.copyOf(events.subList(0, Math.min(count, events.size())));
        return new Page(shown, OptionalLong.of(shown.get(shown.size() - 1).id()));
    }

    /** Up to {@code count} of the events nearest above an id, newest first. */
    List<DmEvent> above(long accountId, int count, long aboveId, Filter filter) {
        List<DmEvent> events = new ArrayList<>();
        if (filter.oneToOne()) {
            events.addAll(messages.above(accountId, count, aboveId));
        }
        groupEvents(accountId, filter).stream().filter(e -> e.id() > aboveId)
                .forEach(events::add);
        events.sort(Comparator.comparingLong(DmEvent::id));
        List<DmEvent> nearest = new ArrayList<>(events.subList(0, Math.min(count,
                events.size())));
        nearest.sort(NEWEST_FIRST);
        return nearest;
    }

    private List<GroupEvent> groupEvents(long accountId, Filter filter) {
        Instant oldest = clock.instant().minus(LIST_WINDOW);
        return groups.visibleTo(accountId).stream()
                .filter(e -> !e.createdAt().isBefore(oldest))
                .filter(filter.groupEvents()).toList();
    }
}
