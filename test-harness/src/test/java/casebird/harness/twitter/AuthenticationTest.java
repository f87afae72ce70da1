package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AuthenticationTest extends FakeApiTest {

    @Test
    void missingAuthorizationIs401Code32AndRecordedWithoutAccount() throws Exception {
        HttpResponse<String> response = calls.unsigned("account/verify_credentials.json");

        assertEquals(401, response.statusCode());
        assertEquals(32, SignedCalls.errorCode(response));
        assertEquals(Optional.of(Endpoint.VERIFY_CREDENTIALS), api.calls().get(0).endpoint());
        assertEquals(OptionalLong.empty(), api.calls().get(0).accountId());
        assertEquals(401, api.calls().get(0).status());
    }

    @Test
    void unknownTokenIs401Code89() throws Exception {
        TwitterAccount stranger = new TwitterAccount(42, "stranger", "42-nope", "secret");

        HttpResponse<String> response = calls.get(stranger, "account/verify_credentials.json");

        assertEquals(401, response.statusCode());
        assertEquals(89, SignedCalls.errorCode(response));
    }

    @Test
    void wrongTokenSecretIs401Code32() throws Exception {
        TwitterAccount forged = new TwitterAccount(bot.id(), bot.screenName(),
                bot.accessToken(), "not-the-secret");

        HttpResponse<String> response = calls.get(forged, "account/verify_credentials.json");

        assertEquals(401, response.statusCode());
        assertEquals(32, SignedCalls.errorCode(response));
    }

    @Test
    void querySignedForOneValueCannotBeReplayedWithAnother() throws Exception {
        TwitterAccount alice = api.createAccount("alice_t");
        String signedUrl = api.baseUrl().resolve("users/show.json?user_id=" + bot.id())
                .toString();
        String header = OAuth1Signer.authorizationHeader("GET", URI.create(signedUrl),
                Map.of(), api.consumerKey(), api.consumerSecret(), bot.accessToken(),
                bot.accessTokenSecret(), "n", 1L);
        HttpRequest tampered = HttpRequest.newBuilder(
                api.baseUrl().resolve("users/show.json?user_id=" + alice.id()))
                .header("Authorization", header).build();

        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(tampered, HttpResponse.BodyHandlers.ofString());

        assertEquals(401, response.statusCode());
        assertEquals(32, SignedCalls.errorCode(response));
    }

    @Test
    void repeatedNonceIsAccepted() throws Exception {
        assertEquals(200, calls.get(bot, "account/verify_credentials.json").statusCode());
        assertEquals(200, calls.get(bot, "account/verify_credentials.json").statusCode());
    }

    @Test
    void unknownPathIs404Code34() throws Exception {
        HttpResponse<String> response = calls.get(bot, "statuses/home_timeline.json");

        assertEquals(404, response.statusCode());
        assertEquals(34, SignedCalls.errorCode(response));
        assertTrue(api.calls().get(0).endpoint().isEmpty());
    }
}
