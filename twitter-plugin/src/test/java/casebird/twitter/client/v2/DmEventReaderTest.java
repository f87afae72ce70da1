package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.DmEvent;
import casebird.twitter.testing.LogCapture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class DmEventReaderTest {

    private static final String HELP_FROM_ALICE = """
            {"id":"6","event_type":"MessageCreate","text":"help","sender_id":"1000001",
             "dm_conversation_id":"1000000-1000001","created_at":"2026-11-30T11:00:00.000Z"}""";

    @Test
    void eventWithoutSenderIsLoggedAndSkippedNeverGuessed() {
        String noSender = """
                {"id":"7","event_type":"MessageCreate","text":"close 1234",
                 "dm_conversation_id":"1000000-1000001","created_at":"2026-11-30T12:00:00Z"}""";

        String log = LogCapture.during(() ->
                assertEquals(List.of(6L), ids(noSender + "," + HELP_FROM_ALICE)));

        assertTrue(log.contains("skipping DM event 7 in conversation 1000000-1000001"), log);
        assertFalse(log.contains("close 1234"), "the log holds a DM's text: " + log);
    }

    @Test
    void eventFromSomeoneOutsideItsConversationIsSkipped() {
        String outsider = """
                {"id":"8","event_type":"MessageCreate","text":"accept 1234","sender_id":"1000002",
                 "dm_conversation_id":"1000000-1000001","created_at":"2026-11-30T12:00:00Z"}""";

        String log = LogCapture.during(() ->
                assertEquals(List.of(6L), ids(outsider + "," + HELP_FROM_ALICE)));

        assertTrue(log.contains("its sender 1000002 is not in conversation"), log);
    }

    @Test
    void recipientIsTheOtherMemberOfTheConversation() throws IOException {
        DmEvent help = DmEventReader.page(page(HELP_FROM_ALICE)).events().get(0);

        assertEquals(1000001, help.senderId());
        assertEquals(1000000, help.recipientId());
    }

    private static List<Long> ids(String events) {
        try {
            return DmEventReader.page(page(events)).events().stream().map(DmEvent::id).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject page(String events) throws IOException {
        return JsonObject.parse(("{\"data\":[" + events + "],\"meta\":{}}")
                .getBytes(StandardCharsets.UTF_8));
    }
}
