package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectMessageSendTest extends FakeApiTest {

    private static final String NEW = "direct_messages/events/new.json";

    private TwitterAccount alice;

    @BeforeEach
    void createAccounts() {
        alice = api.createAccount("alice_t");
    }

    private static String body(String recipientJson, String text) {
        return "{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":"
                + "{\"recipient_id\":" + recipientJson + "},\"message_data\":{\"text\":\""
                + text + "\"}}}}";
    }

    @Test
    void recipientIdIsAcceptedAsNumberOrString() throws Exception {
        HttpResponse<String> asNumber = calls.post(bot, NEW, body("" + alice.id(), "one"));
        HttpResponse<String> asString = calls.post(bot, NEW, body("\"" + alice.id() + "\"",
                "two"));

        assertEquals(200, asNumber.statusCode(), asNumber.body());
        assertEquals(200, asString.statusCode(), asString.body());
        assertEquals(List.of("one", "two"),
                api.messagesOf(alice.id()).stream().map(DirectMessage::text).toList());
    }

    @Test
    void answerIsTheCreatedEvent() throws Exception {
        HttpResponse<String> sent = calls.post(bot, NEW, body("" + alice.id(), "hello"));

        DirectMessage answered = TwitterJson.parseEvent(SignedCalls.json(sent).path("event"));

        assertEquals(api.messages().get(0), answered);
    }

    @Test
    void textOver10000CharactersIs400() throws Exception {
        HttpResponse<String> refused = calls.post(bot, NEW, body("" + alice.id(),
                "x".repeat(10_001)));

        assertEquals(400, refused.statusCode());
        assertEquals(354, SignedCalls.errorCode(refused));
        assertTrue(api.messages().isEmpty());
    }

    @Test
    void textOfExactly10000CharactersIsSent() throws Exception {
        assertEquals(200, calls.post(bot, NEW, body("" + alice.id(), "x".repeat(10_000)))
                .statusCode());
    }

    @Test
    void unknownRecipientIsATwitterError() throws Exception {
        HttpResponse<String> refused = calls.post(bot, NEW, body("999", "hi"));

        assertEquals(400, refused.statusCode());
        assertEquals(108, SignedCalls.errorCode(refused));
    }

    @Test
    void malformedBodyIs400() throws Exception {
        assertEquals(400, calls.post(bot, NEW, "{\"event\":").statusCode());
        assertEquals(400, calls.post(bot, NEW, body("\"alice\"", "hi")).statusCode());
    }

    @Test
    void listenersHearPostedAndDeliveredMessages() throws Exception {
        List<DirectMessage> heard = new CopyOnWriteArrayList<>();
        api.addMessageListener(heard::add);

        DirectMessage posted = new FakeTwitterClient(api).sendDirectMessage(alice, bot.id(),
                "accept 1234");
        DirectMessage delivered = api.deliver(bot.id(), alice.id(), "accepted");

        assertEquals(List.of(posted, delivered), heard);
        assertEquals(List.of(posted, delivered), api.messages());
    }

    @Test
    void deliverRefusesAnUnknownAccount() {
        TwitterApiError refused = assertThrows(TwitterApiError.class,
                () -> api.deliver(bot.id(), 999, "hi"));

        assertEquals(108, refused.code().getAsInt());
    }
}
