package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.v2.AuthorizeRequest;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableStateTest {

    @TempDir
    Path folder;

    @Test
    void aFakeOpenedOnItsJournalHasTheSameAppAccountsMessagesAndLimits() throws Exception {
        Path file = folder.resolve("twitter.jsonl");
        FakeTwitterApi first = FakeTwitterApi.open(Clock.systemUTC(), file);
        TwitterAccount bot = first.createAccount("casebird");
        TwitterAccount alice = first.createAccount("alice_t");
        first.rename("alice_t", "alice_new");
        DirectMessage dm = first.deliver(alice.id(), bot.id(), "accept 1234");
        first.liftLimit(Endpoint.DM_LIST);
        first.setLimit(Endpoint.DM_SEND, 3, Duration.ofSeconds(30));
        first.close();

        try (FakeTwitterApi second = FakeTwitterApi.open(Clock.systemUTC(), file)) {
            assertEquals(first.consumerKey(), second.consumerKey());
            assertEquals(first.accounts().size(), second.accounts().size());
            assertEquals(alice.id(), second.accountByName("alice_new").orElseThrow().id());
            assertEquals(dm, second.messages().get(0));
            HttpResponse<String> list = new SignedCalls(second).get(bot,
                    "direct_messages/events/list.json");
            assertEquals(200, list.statusCode());
            assertEquals(Optional.of(Integer.toString(RateLimits.UNLIMITED)),
                    list.headers().firstValue("x-rate-limit-limit"), "the lifted limit");
            HttpResponse<String> send = new SignedCalls(second).post(bot,
                    "direct_messages/events/new.json", sendBody(alice.id()));
            assertEquals("3", send.headers().firstValue("x-rate-limit-limit").orElseThrow());
        }
    }

    @Test
    void groupsTheirMessagesAndRefusalsOfGroupsSurviveReopening() throws Exception {
        Path file = folder.resolve("twitter.jsonl");
        FakeTwitterApi first = FakeTwitterApi.open(Clock.systemUTC(), file);
        TwitterAccount bot = first.createAccount("casebird");
        TwitterAccount alice = first.createAccount("alice_t");
        TwitterAccount bob = first.createAccount("bob_t");
        TwitterAccount dee = first.createAccount("dee_t");
        first.v2().refuseGroupDms(dee.id());
        String body = V2GroupConversationTest.createBody("Group", List.of(alice, bob), "hi");
        assertEquals(201, new V2Calls(first).post(new V2Calls(first).token(bot),
                "dm_conversations", body).statusCode());
        GroupConversation group = first.v2().groups().get(0);
        first.v2().postToGroup(alice.id(), group.id(), "accept 1234");
        List<GroupEvent> events = first.v2().groupEvents();
        first.close();

        try (FakeTwitterApi second = FakeTwitterApi.open(Clock.systemUTC(), file)) {
            assertEquals(List.of(group), second.v2().groups());
            assertEquals(events, second.v2().groupEvents());
            DirectMessage next = second.deliver(alice.id(), bot.id(), "newer");
            assertTrue(next.id() > events.get(events.size() - 1).id(), "ids keep increasing");
            V2Calls v2 = new V2Calls(second);
            assertEquals(403, v2.post(v2.token(bot), "dm_conversations",
                    V2GroupConversationTest.createBody("Group", List.of(alice, dee), "x"))
                    .statusCode());
        }
    }

    @Test
    void anAccountThatRefusesDmsStillRefusesAfterReopening() throws Exception {
        Path file = folder.resolve("twitter.jsonl");
        FakeTwitterApi first = FakeTwitterApi.open(Clock.systemUTC(), file);
        TwitterAccount bot = first.createAccount("casebird");
        TwitterAccount zed = first.createAccount("zed_t");
        first.refuseDms(zed.id());
        first.close();

        try (FakeTwitterApi second = FakeTwitterApi.open(Clock.systemUTC(), file)) {
            HttpResponse<String> refused = new SignedCalls(second).post(bot,
                    "direct_messages/events/new.json", sendBody(zed.id()));

            assertEquals(403, refused.statusCode());
            assertEquals(349, SignedCalls.errorCode(refused));
        }
    }

    @Test
    void aReopenedFakeKeepsItsOAuth2ClientGrantsAndSpentRefreshTokens() throws Exception {
        Path file = folder.resolve("twitter.jsonl");
        FakeTwitterApi first = FakeTwitterApi.open(Clock.systemUTC(), file);
        TwitterAccount bot = first.createAccount("casebird");
        first.v2().oauth2().registerRedirectUri("http://127.0.0.1:9/cb");
        OAuth2Grants grants = first.v2().oauth2().grants();
        String spent = grants.issue(bot.id(), V2Calls.BOT_SCOPES).refreshToken().orElseThrow();
        OAuth2Grants.Tokens live = grants.refresh(spent);
        OAuth2Grants.Tokens revoked = grants.issue(bot.id(), V2Calls.BOT_SCOPES);
        grants.revoke(revoked.accessToken());
        first.close();

        try (FakeTwitterApi second = FakeTwitterApi.open(Clock.systemUTC(), file)) {
            assertEquals(first.v2().oauth2().clientId(), second.v2().oauth2().clientId());
            assertEquals(first.v2().oauth2().clientSecret(),
                    second.v2().oauth2().clientSecret());
            V2Calls v2 = new V2Calls(second);
            assertEquals(200, v2.get(live.accessToken(), "users/me").statusCode());
            assertEquals(401, v2.get(revoked.accessToken(), "users/me").statusCode());
            assertEquals(400, refresh(v2, spent).statusCode());
            assertEquals(200, refresh(v2, live.refreshToken().orElseThrow()).statusCode());
            assertDoesNotThrow(() -> second.v2().oauth2().check(new AuthorizeRequest("code",
                    second.v2().oauth2().clientId(), "http://127.0.0.1:9/cb", "dm.read",
                    "state", "challenge", "S256")), "the registered redirect URI");
        }
    }

    @Test
    void aRevokedTokenGets401Code89WhileTheAccountsOtherTokensWork() throws Exception {
        try (FakeTwitterApi api = FakeTwitterApi.start(Clock.systemUTC())) {
            TwitterAccount bot = api.createAccount("casebird");
            TwitterAccount instance = api.issueToken(bot.id());
            SignedCalls calls = new SignedCalls(api);

            assertEquals(200, calls.get(instance, "account/verify_credentials.json")
                    .statusCode());
            api.revokeToken(instance.accessToken());

            HttpResponse<String> fenced = calls.get(instance, "account/verify_credentials.json");
            assertEquals(401, fenced.statusCode());
            assertEquals(89, SignedCalls.errorCode(fenced));
            assertEquals(200, calls.get(bot, "account/verify_credentials.json").statusCode());
        }
    }

    private static HttpResponse<String> refresh(V2Calls v2, String refreshToken)
            throws Exception {
        return v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    private static String sendBody(long recipientId) {
        return "{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":"
                + "{\"recipient_id\":\"" + recipientId + "\"},"
                + "\"message_data\":{\"text\":\"hi\"}}}}";
    }
}
