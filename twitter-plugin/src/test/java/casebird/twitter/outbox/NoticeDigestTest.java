package casebird.twitter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeDigestTest {

    private static OutboxEntry notice(long id, Recipient to, String text) {
        return new OutboxEntry(id, to, text, false, 0, Instant.EPOCH);
    }

    @Test
    void noticesToOneAgentAreJoinedOnePerLineOldestFirst() {
        Recipient alice = Recipient.login("alice");
        Recipient bob = Recipient.login("bob");
        List<OutboxEntry> notices = List.of(notice(1, alice, "New case 1"),
                notice(2, bob, "New case 1"), notice(3, alice, "New case 2"));

        List<List<OutboxEntry>> dms = NoticeDigest.join(notices);

        assertEquals(2, dms.size());
        assertEquals("New case 1\nNew case 2", NoticeDigest.text(dms.get(0)));
        assertEquals("New case 1", NoticeDigest.text(dms.get(1)));
    }

    @Test
    void aJoinedDmNeverPassesTenThousandCharacters() {
        Recipient alice = Recipient.login("alice");
        String big = "x".repeat(4_000);
        List<OutboxEntry> notices = List.of(notice(1, alice, big), notice(2, alice, big),
                notice(3, alice, big));

        List<List<OutboxEntry>> dms = NoticeDigest.join(notices);

        assertEquals(2, dms.size());
        assertEquals(8_001, NoticeDigest.text(dms.get(0)).length());
        assertEquals(4_000, NoticeDigest.text(dms.get(1)).length());
    }
}
