package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.DirectMessage;
import twitter4j.DirectMessageList;
import twitter4j.ResponseList;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.User;
import twitter4j.conf.ConfigurationBuilder;

/** The real twitter4j 4.0.7 client, as the plugin uses it, against the fake API. */
class Twitter4jRoundTripTest {

    private FakeTwitterApi api;
    private TwitterAccount bot;
    private TwitterAccount alice;

    @BeforeEach
    void start() throws Exception {
        api = FakeTwitterApi.start(Clock.systemUTC());
        bot = api.createAccount("casebird");
        alice = api.createAccount("alice_t");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Twitter twitter(TwitterAccount account, String consumerSecret) {
        ConfigurationBuilder config = new ConfigurationBuilder()
                .setRestBaseURL(api.baseUrl().toString())
                .setOAuthConsumerKey(api.consumerKey())
                .setOAuthConsumerSecret(consumerSecret)
                .setOAuthAccessToken(account.accessToken())
                .setOAuthAccessTokenSecret(account.accessTokenSecret())
                .setHttpRetryCount(0);
        return new TwitterFactory(config.build()).getInstance();
    }

    private Twitter botClient() {
        return twitter(bot, api.consumerSecret());
    }

    @Test
    void verifyCredentialsReturnsTheTokensAccount() throws Exception {
        User me = botClient().verifyCredentials();

        assertEquals(bot.id(), me.getId());
        assertEquals("casebird", me.getScreenName());
        assertNotNull(me.getCreatedAt());
    }

    @Test
    void lookupUsersReturnsOnlyTheKnownNames() throws Exception {
        ResponseList<User> users = botClient().lookupUsers("ALICE_T", "nobody_here");

        assertEquals(1, users.size());
        assertEquals(alice.id(), users.get(0).getId());
    }

    @Test
    void showUserFindsAnAccountById() throws Exception {
        User user = botClient().showUser(alice.id());

        assertEquals("alice_t", user.getScreenName());
    }

    @Test
    void sendDirectMessageStoresTheTextExactly() throws Exception {
        String text = "Case 1234 & <urgent> \"printer\"";

        DirectMessage sent = botClient().sendDirectMessage(alice.id(), text);

        assertEquals(text, sent.getText());
        assertEquals(bot.id(), sent.getSenderId());
        assertEquals(alice.id(), sent.getRecipientId());
        assertEquals(List.of(text), api.messagesOf(alice.id()).stream()
                .map(casebird.harness.twitter.DirectMessage::text).toList());
    }

    @Test
    void listHoldsSentAndReceivedNewestFirst() throws Exception {
        api.deliver(alice.id(), bot.id(), "accept 1234");
        botClient().sendDirectMessage(alice.id(), "Case 1234 accepted");

        DirectMessageList list = botClient().getDirectMessages(50);

        assertEquals(2, list.size());
        assertEquals("Case 1234 accepted", list.get(0).getText());
        assertEquals("accept 1234", list.get(1).getText());
        assertEquals(alice.id(), list.get(1).getSenderId());
        assertNull(list.getNextCursor());
    }

    @Test
    void listPagesWithTheNextCursor() throws Exception {
        for (int i = 0; i < 3; i++) {
            api.deliver(alice.id(), bot.id(), "dm " + i);
        }

        DirectMessageList first = botClient().getDirectMessages(2);
        DirectMessageList second = botClient().getDirectMessages(2, first.getNextCursor());

        assertEquals(List.of("dm 2", "dm 1"), first.stream().map(DirectMessage::getText).toList());
        assertEquals(List.of("dm 0"), second.stream().map(DirectMessage::getText).toList());
        assertNull(second.getNextCursor());
    }

    @Test
    void showThenDestroyThenShowAgainIsNotFound() throws Exception {
        long id = api.deliver(alice.id(), bot.id(), "status 1234").id();
        Twitter client = botClient();

        assertEquals("status 1234", client.showDirectMessage(id).getText());
        client.destroyDirectMessage(id);
        TwitterException gone = assertThrows(TwitterException.class,
                () -> client.showDirectMessage(id));

        assertEquals(404, gone.getStatusCode());
        assertEquals(1, api.messagesOf(alice.id()).size());
    }

    @Test
    void wrongConsumerSecretIsRefusedWith401Code32() {
        Twitter client = twitter(bot, api.consumerSecret() + "x");

        TwitterException refused = assertThrows(TwitterException.class,
                client::verifyCredentials);

        assertEquals(401, refused.getStatusCode());
        assertEquals(32, refused.getErrorCode());
    }

    @Test
    void rateLimitHeadersReachTwitter4j() throws Exception {
        DirectMessageList list = botClient().getDirectMessages(50);

        assertEquals(15, list.getRateLimitStatus().getLimit());
        assertEquals(14, list.getRateLimitStatus().getRemaining());
    }
}
