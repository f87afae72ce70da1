package casebird.twitter.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendFailuresTest extends OutboxFixture {

    /** Runs the sender every minute for that long, long past any backoff. */
    private void sendEveryMinute(int minutes) {
        for (int i = 0; i < minutes; i++) {
            sender.sendDue();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    @ParameterizedTest(name = "status {0} code {1}")
    @CsvSource({"403, 349", "403, 150", "404, 50", "404, 108", "403, 63"})
    void aRefusalAboutTheRecipientEndsThatDmCountedInHealthAndOthersGo(int status, int code) {
        queue(Recipient.login("bob"), "notice to bob", false);
        queue(Recipient.login("alice"), "notice to alice", false);
        failing.failNextSend(failure(status, code, OptionalLong.empty()));

        sendEveryMinute(3);

        assertEquals(0, store.outbox().size());
        assertEquals(List.of(), twitter.textsTo(BOB));
        assertEquals(List.of("notice to alice"), twitter.textsTo(ALICE));
        assertTrue(lastDetail().contains("1 DM(s) ended because Twitter refuses DMs to the"
                + " recipient (latest: bob, code " + code + ")"), lastDetail());
    }

    @ParameterizedTest(name = "status {0} code {1}")
    @CsvSource({"401, 32", "401, 89", "403, -1", "403, 326", "500, 131", "503, 130",
            "-1, -1"})
    void anErrorAboutTheBotOrTwitterNeverDropsANoticeAndHealthSaysSo(int status, int code) {
        queue(Recipient.login("alice"), "notice", false);
        for (int i = 0; i < 3; i++) {
            failing.failNextSend(failure(status, code, OptionalLong.empty()));
        }

        sender.sendDue();
        String failing = lastDetail();
        sendEveryMinute(60);

        assertEquals(List.of("notice"), twitter.textsTo(ALICE));
        assertTrue(failing.contains("sending DMs fails (status " + status + ", code " + code
                + "); retrying with backoff, nothing is dropped"), failing);
        assertFalse(lastDetail().contains("sending DMs fails"), lastDetail());
    }

    @Test
    void healthWarnsWhenTheOutboxPassesItsSizeBoundAndDropsNothing() {
        for (int i = 0; i <= WARN_SIZE; i++) {
            queue(Recipient.login("alice"), "notice " + i, false);
        }
        failing.failNextSend(failure(503, 130, OptionalLong.empty()));

        sender.sendDue();

        assertTrue(lastDetail().contains("the outbox holds " + (WARN_SIZE + 1)
                + " DMs (outbox-warn-size " + WARN_SIZE + ")"), lastDetail());
        assertEquals(WARN_SIZE + 1, store.outbox().size());
    }

    @Test
    void healthWarnsWhenADmWaitsLongerThanTheAgeBound() {
        queue(Recipient.login("alice"), "notice", false);
        for (int i = 0; i < 30; i++) {
            failing.failNextSend(failure(503, 130, OptionalLong.empty()));
        }

        sendEveryMinute(61);

        assertTrue(lastDetail().contains("the oldest DM has waited since"
                + " 2025-01-01T00:00:00Z (outbox-warn-age PT1H)"), lastDetail());
        assertEquals(1, store.outbox().size());
    }
}
