package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class XApiV2PortTest {

    private static final String ALL_FIELDS =
            "id,text,event_type,created_at,dm_conversation_id,sender_id,participant_ids";
    private final V2Fixture fixture = new V2Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void listAsksForTheFieldsTheSenderExpansionAndThePageSize() {
        fixture.answer(200, "dm_events-page.json");

        fixture.port.listEvents(Optional.empty(), 20);

        ScriptedServer.Recorded list = fixture.x.request(0);
        assertEquals("GET /2/dm_events", list.method() + " " + list.path());
        assertEquals(Map.of("dm_event.fields", ALL_FIELDS, "expansions", "sender_id",
                "max_results", "20"), list.query());
        assertEquals(V2Fixture.TOKEN, list.header("Authorization"));
    }

    @Test
    void pageKeepsOneToOneMessagesWithTheirRecipientAndGroupEventsWithTheirConversation() {
        fixture.answer(200, "dm_events-page.json");

        EventPage page = fixture.port.listEvents(Optional.empty());

        assertEquals(List.of(
                new DmEvent(1862880713612337155L, 1000001, 1000000, "accept 1234",
                        Instant.parse("2026-11-30T12:00:05Z")),
                new DmEvent(1862880699553071104L, 1000000, 1000001,
                        "New case 1234: Printer on fire", Instant.parse("2026-11-30T12:00:01Z")),
                DmEvent.inRoom(1862880690002911234L, 1000002, 1862870000000000001L,
                        "status 1199", Instant.parse("2026-11-30T11:59:59Z")),
                DmEvent.joined(1862870000000000002L, 1000000, 1862870000000000001L,
                        List.of(1000001L, 1000002L), Instant.parse("2026-11-30T11:20:00Z"))),
                page.events());
        assertEquals(Optional.of("18KPBS1GKCG8T4VHLA9SCG3NJMGL3XFX"), page.nextCursor());
        assertEquals("50", fixture.x.request(0).query().get("max_results"));
    }

    @Test
    void olderPageIsAskedByPaginationTokenAndTheLastPageHasNoCursor() {
        fixture.answer(200, "dm_events-last-page.json");

        EventPage page = fixture.port.listEvents(Optional.of("18KPBS1GKCG8T4VHLA9SCG3NJMGL3XFX"));

        assertEquals("18KPBS1GKCG8T4VHLA9SCG3NJMGL3XFX",
                fixture.x.request(0).query().get("pagination_token"));
        assertEquals(List.of(1862800000000000007L),
                page.events().stream().map(DmEvent::id).toList());
        assertEquals(Optional.empty(), page.nextCursor());
    }

    @Test
    void emptyListHasNoEventsAndNoCursor() {
        fixture.answer(200, "dm_events-empty.json");

        assertEquals(new EventPage(List.of(), Optional.empty()),
                fixture.port.listEvents(Optional.empty()));
    }

    @Test
    void refusedSenderFieldIsDroppedAndTheExpansionStillCarriesTheSender() {
        fixture.x.enqueue(ScriptedServer.Reply.json(400, """
                {"errors":[{"parameters":{"dm_event.fields":["sender_id"]},
                 "message":"The `dm_event.fields` query parameter value [sender_id] is not one\
                 of [id,text,event_type,created_at,dm_conversation_id,participant_ids]"}],
                 "title":"Invalid Request","detail":"One or more parameters to your request was\
                 invalid.","type":"https://api.x.com/2/problems/invalid-request"}"""));
        fixture.answer(200, "dm_events-page.json").answer(200, "dm_events-last-page.json");

        EventPage page = fixture.port.listEvents(Optional.empty());
        fixture.port.listEvents(page.nextCursor());

        assertEquals(4, page.events().size());
        String withoutSender = "id,text,event_type,created_at,dm_conversation_id,participant_ids";
        assertEquals(List.of(ALL_FIELDS, withoutSender, withoutSender), fixture.x.requests()
                .stream().map(r -> r.query().get("dm_event.fields")).toList());
        assertEquals("sender_id", fixture.x.request(1).query().get("expansions"));
    }

    @Test
    void badRequestNamingNoFieldIsAFailureNotARetry() {
        fixture.x.enqueue(ScriptedServer.Reply.json(400, """
                {"title":"Invalid Request","detail":"max_results must be at most 100",
                 "type":"https://api.x.com/2/problems/invalid-request"}"""));

        var e = assertThrows(TwitterApiException.class,
                () -> fixture.port.listEvents(Optional.empty()));

        assertEquals(400, e.status());
        assertEquals(1, fixture.x.requests().size());
    }

    @Test
    void sendPostsTheTextAsJsonToTheOneToOneConversation() throws IOException {
        fixture.answer(201, "dm_send-response.json");
        String text = "Case 1234 \"Printer\"\non fire \uD83D\uDD25 \u05e9\u05dc\u05d5\u05dd";

        SentMessage sent = fixture.port.send(1000001, text);

        ScriptedServer.Recorded post = fixture.x.request(0);
        assertEquals("POST /2/dm_conversations/with/1000001/messages",
                post.method() + " " + post.path());
        assertTrue(post.header("Content-Type").startsWith("application/json"));
        assertEquals(Optional.of(text), JsonObject.parse(
                post.body().getBytes(StandardCharsets.UTF_8)).text("text"));
        assertEquals(V2Fixture.TOKEN, post.header("Authorization"));
        assertEquals(new SentMessage(1862880720001234567L, 1000001), sent);
    }

    @Test
    void lookupReturnsTheKnownNamesAsAskedAndLeavesUnknownOnesOut() {
        fixture.answer(200, "users-by-partial.json");

        Map<String, Long> ids = fixture.port.lookupIds(List.of("Alice_T", "gone_user"));

        assertEquals(Map.of("Alice_T", 1000001L), ids);
        assertEquals("/2/users/by", fixture.x.request(0).path());
        assertEquals("Alice_T,gone_user", fixture.x.request(0).query().get("usernames"));
    }

    @Test
    void verifyReadsTheBotsAccount() {
        fixture.answer(200, "users-me.json");

        assertEquals(new BotAccount(1000000, "casebird"), fixture.port.verifyCredentials());
        assertEquals("/2/users/me", fixture.x.request(0).path());
    }

    @Test
    void pathsResolveUnderABaseWithARouteOfItsOwn() {
        try (ApiHttp http = new ApiHttp(Duration.ofSeconds(2), Duration.ofSeconds(2))) {
            XApiV2Port routed = new XApiV2Port(fixture.x.url().resolve("instance/7"), http,
                    (method, uri) -> V2Fixture.TOKEN, (e, limit, left, reset) -> { });
            fixture.answer(200, "users-me.json");

            routed.verifyCredentials();

            assertEquals("/instance/7/2/users/me", fixture.x.request(0).path());
        }
    }

    @Test
    void destroyDeletesTheEvent() {
        fixture.x.enqueue(ScriptedServer.Reply.json(200, "{\"data\":{\"deleted\":true}}"));

        fixture.port.destroy(1862880713612337155L);

        ScriptedServer.Recorded delete = fixture.x.request(0);
        assertEquals("DELETE /2/dm_events/1862880713612337155",
                delete.method() + " " + delete.path());
    }

    @Test
    void webhookRegistrationIsRefusedWithoutCallingX() {
        var e = assertThrows(PushNotOnV2Exception.class, () -> fixture.port.registerWebhook(
                "prod", URI.create("https://crm.example.com/webhook")));

        assertTrue(e.getMessage().contains("'prod'"), e.getMessage());
        assertEquals(List.of(), fixture.x.requests());
    }

    @Test
    void everyAnswersRateLimitHeadersAreReportedSuccessOrFailure() {
        fixture.x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json")
                .withHeader("x-rate-limit-limit", "75").withHeader("x-rate-limit-remaining", "74")
                .withHeader("x-rate-limit-reset", "1796040900"));
        fixture.x.enqueue(ScriptedServer.Reply.sample(429, "error-429.json")
                .withHeader("x-rate-limit-limit", "15").withHeader("x-rate-limit-remaining", "0")
                .withHeader("x-rate-limit-reset", "1796041000"));

        fixture.port.verifyCredentials();
        assertThrows(RuntimeException.class, () -> fixture.port.listEvents(Optional.empty()));

        assertEquals(List.of(
                new V2Fixture.Learned(Endpoint.VERIFY_CREDENTIALS, 75, 74, 1796040900),
                new V2Fixture.Learned(Endpoint.DM_LIST, 15, 0, 1796041000)), fixture.learned);
    }
}
