package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountsTest extends FakeApiTest {

    @Test
    void accountsGetDistinctIdsAndTokens() {
        TwitterAccount alice = api.createAccount("alice_t");

        assertNotEquals(bot.id(), alice.id());
        assertNotEquals(bot.accessToken(), alice.accessToken());
        assertEquals(Optional.of(alice), api.accountById(alice.id()));
    }

    @Test
    void chosenIdAndNameMustBeFree() {
        api.createAccount("erin", 123456789L);

        assertThrows(IllegalArgumentException.class, () -> api.createAccount("other", 123456789L));
        assertThrows(IllegalArgumentException.class, () -> api.createAccount("ERIN", 5L));
        assertThrows(IllegalArgumentException.class, () -> api.createAccount("@erin2"));
    }

    @Test
    void nameLookupIsCaseInsensitive() {
        assertEquals(Optional.of(bot), api.accountByName("CaseBird"));
    }

    @Test
    void renameFreesTheOldNameForAnotherAccount() {
        TwitterAccount alice = api.createAccount("alice_t");

        TwitterAccount renamed = api.rename("alice_t", "alice_new");
        TwitterAccount impostor = api.createAccount("alice_t");

        assertEquals(alice.id(), renamed.id());
        assertEquals(Optional.of(renamed), api.accountByName("alice_new"));
        assertEquals(Optional.of(impostor), api.accountByName("alice_t"));
        assertNotEquals(alice.id(), impostor.id());
    }

    @Test
    void lookupOfOnlyUnknownNamesIs404Code17() throws Exception {
        HttpResponse<String> response = calls.get(bot, "users/lookup.json?screen_name=ghost");

        assertEquals(404, response.statusCode());
        assertEquals(17, SignedCalls.errorCode(response));
    }

    @Test
    void lookupByUserIdsAnswersAnArrayOfUsers() throws Exception {
        TwitterAccount alice = api.createAccount("alice_t");

        HttpResponse<String> response = calls.get(bot,
                "users/lookup.json?user_id=" + alice.id() + "%2C" + bot.id() + "%2C77");

        assertEquals(200, response.statusCode());
        assertEquals(2, SignedCalls.json(response).size());
        assertEquals(Long.toString(alice.id()),
                SignedCalls.json(response).path(0).path("id_str").asText());
    }

    @Test
    void showOfUnknownUserIs404() throws Exception {
        HttpResponse<String> response = calls.get(bot, "users/show.json?screen_name=ghost");

        assertEquals(404, response.statusCode());
        assertTrue(SignedCalls.errorCode(response) > 0);
    }
}
