package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.client.EventPage;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.ForwardingTwitter;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How many events each read asks X for: X's most after a start, then what reads need. */
class EventPageSizeTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));
    private final FakeTwitter fake = new FakeTwitter(clock);
    private final PageSizes twitter = new PageSizes(fake);
    private final CatchUpReader reader = new CatchUpReader(twitter, Duration.ofMinutes(2));

    @Test
    void theFirstReadAfterAStartAsksForXsMostThenAQuietInboxForTheLeast() {
        long position = fake.dmToBot(11, "status 1");
        clock.advance(Duration.ofMinutes(5));
        fake.dmToBot(11, "status 2");

        reader.since(position, e -> true);
        reader.since(position, e -> true);

        assertEquals(List.of(100, 10), twitter.asked);
    }

    @Test
    void aBusyReadMakesTheNextFirstPageTwiceAsLargeAndLaterPagesAskForXsMost() {
        long position = fake.dmToBot(11, "status 1");
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 30; i++) {
            fake.dmToBot(11, "status " + i);
        }
        reader.since(position, e -> true);
        fake.pageSize(20);

        reader.since(position, e -> true);

        assertEquals(List.of(100, 62, 100), twitter.asked);
    }

    /** The fake's pages, recording the page size each list call asked for. */
    private static final class PageSizes extends ForwardingTwitter {

        private final List<Integer> asked = new ArrayList<>();

        PageSizes(TwitterPort twitter) {
            super(twitter);
        }

        @Override
        public EventPage listEvents(Optional<String> cursor, int maxResults) {
            asked.add(maxResults);
            return twitter.listEvents(cursor);
        }

        @Override
        public EventPage listEvents(Optional<String> cursor) {
            throw new AssertionError("every read names its page size");
        }

    }
}
