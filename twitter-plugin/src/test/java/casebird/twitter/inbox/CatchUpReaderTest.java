package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.client.DmEvent;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatchUpReaderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final FakeTwitter twitter = new FakeTwitter(clock).pageSize(2);

    @Test
    void theLookBackKeepsOnlyEventsNotYetSettledAndEveryNewOne() {
        long handled = twitter.dmToBot(11, "status 1");
        long late = twitter.dmToBot(11, "status 2");
        long position = twitter.dmToBot(11, "status 3");
        long fresh = twitter.dmToBot(11, "status 4");
        Set<Long> settled = Set.of(handled, position);

        List<DmEvent> events = new CatchUpReader(twitter, Duration.ofMinutes(2))
                .since(position, e -> settled.contains(e.id()));

        assertEquals(List.of(fresh, late), events.stream().map(DmEvent::id).toList());
    }
}
