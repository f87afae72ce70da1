package casebird.twitter.client;

import java.util.List;
import java.util.Optional;

/** One page of DM events, newest first, and the cursor of the next older page if any. */
public record EventPage(List<DmEvent> events, Optional<String> nextCursor) {

    public EventPage {
        events = List.copyOf(events);
    }
}
