package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectMessageListTest extends FakeApiTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
    private TwitterAccount alice;

    @Override
    Clock clock() {
        return clock;
    }

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
        api.liftLimit(Endpoint.DM_LIST);
    }

    private JsonNode list(String query) throws Exception {
        HttpResponse<String> response = calls.get(bot, "direct_messages/events/list.json"
                + query);
        assertEquals(200, response.statusCode(), response.body());
        return SignedCalls.json(response);
    }

    private static List<String> texts(JsonNode page) {
        List<String> texts = new ArrayList<>();
        page.path("events").forEach(e ->
                texts.add(e.path("message_create").path("message_data").path("text").asText()));
        return texts;
    }

    @Test
    void idsRiseWithCreationEvenWithinOneMillisecond() {
        long previous = 0;
        for (int i = 0; i < 5; i++) {
            long id = api.deliver(alice.id(), bot.id(), "dm " + i).id();
            assertTrue(id > previous, id + " after " + previous);
            previous = id;
        }
    }

    @Test
    void pagesNewestFirstByCountUntilALastPageWithoutCursor() throws Exception {
        for (int i = 0; i < 45; i++) {
            api.deliver(alice.id(), bot.id(), "dm " + i);
            clock.advance(Duration.ofMillis(1));
        }

        JsonNode first = list("");
        JsonNode second = list("?count=20&cursor=" + first.path("next_cursor").asText());
        JsonNode third = list("?count=20&cursor=" + second.path("next_cursor").asText());

        assertEquals(20, first.path("events").size());
        assertEquals("dm 44", texts(first).get(0));
        assertEquals("dm 24", texts(second).get(0));
        assertEquals(List.of("dm 4", "dm 3", "dm 2", "dm 1", "dm 0"), texts(third));
        assertTrue(first.path("next_cursor").isTextual());
        assertFalse(third.has("next_cursor"));
    }

    @Test
    void countIsCappedAt50() throws Exception {
        for (int i = 0; i < 60; i++) {
            api.deliver(alice.id(), bot.id(), "dm " + i);
        }

        assertEquals(50, list("?count=200").path("events").size());
    }

    @Test
    void listHoldsSentAndReceivedButNotOthersMessages() throws Exception {
        TwitterAccount bob = api.createAccount("bob_t");
        api.deliver(alice.id(), bot.id(), "to bot");
        api.deliver(bot.id(), alice.id(), "from bot");
        api.deliver(alice.id(), bob.id(), "private");

        assertEquals(List.of("from bot", "to bot"), texts(list("")));
    }

    @Test
    void listKeepsOnlyTheLast30Days() throws Exception {
        api.deliver(alice.id(), bot.id(), "old");
        clock.advance(Duration.ofDays(31));
        api.deliver(alice.id(), bot.id(), "new");

        assertEquals(List.of("new"), texts(list("")));
    }

    @Test
    void destroyRemovesTheMessageFromTheDeletersViewOnly() throws Exception {
        long id = api.deliver(bot.id(), alice.id(), "notice").id();

        HttpResponse<String> destroyed = calls.delete(bot,
                "direct_messages/events/destroy.json?id=" + id);
        HttpResponse<String> again = calls.delete(bot,
                "direct_messages/events/destroy.json?id=" + id);

        assertEquals(204, destroyed.statusCode());
        assertEquals(404, again.statusCode());
        assertTrue(texts(list("")).isEmpty());
        assertEquals(1, api.messagesOf(alice.id()).size());
        assertEquals(1, api.messages().size());
    }

    @Test
    void badCursorIs400() throws Exception {
        HttpResponse<String> response = calls.get(bot,
                "direct_messages/events/list.json?cursor=%21%21");

        assertEquals(400, response.statusCode());
    }
}
