package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /2/users/by and GET /2/users?ids= (partial results) and GET /2/users/me. */
class V2UsersTest extends FakeApiTest {

    private String token;

    @BeforeEach
    void createAccounts() {
        api.createAccount("alice_t");
        api.createAccount("bob_t");
        token = v2.token(bot);
    }

    private JsonNode lookup(String names) throws Exception {
        HttpResponse<String> response = v2.get(token, "users/by?usernames=" + names);
        assertEquals(200, response.statusCode(), response.body());
        return SignedCalls.json(response);
    }

    @Test
    void unknownNamesComeBackInErrorsBesideTheFoundUsers() throws Exception {
        JsonNode found = lookup("alice_t,gone_user,BOB_T");

        assertEquals(2, found.path("data").size());
        assertEquals("alice_t", found.path("data").path(0).path("username").asText());
        assertEquals("bob_t", found.path("data").path(1).path("username").asText());
        assertEquals(1, found.path("errors").size());
        assertEquals("gone_user", found.path("errors").path(0).path("value").asText());
    }

    @Test
    void onlyUnknownNamesGiveErrorsAndNoData() throws Exception {
        JsonNode found = lookup("gone_user");

        assertFalse(found.has("data"));
        assertEquals(1, found.path("errors").size());
    }

    @Test
    void malformedOrMissingNamesAreAnInvalidRequest() throws Exception {
        assertEquals(400, v2.get(token, "users/by?usernames=@alice_t").statusCode());
        assertEquals(400, v2.get(token, "users/by").statusCode());
    }

    @Test
    void renamedAccountIsFoundByItsNewNameOnly() throws Exception {
        api.rename("alice_t", "alice_new");

        JsonNode found = lookup("alice_t,alice_new");

        assertEquals(1, found.path("data").size());
        assertEquals("alice_new", found.path("data").path(0).path("username").asText());
        assertEquals("alice_t", found.path("errors").path(0).path("value").asText());
    }

    @Test
    void idsLookupReturnsTheKnownAccountsAndAnErrorForEachUnknownId() throws Exception {
        long alice = api.accountByName("alice_t").orElseThrow().id();
        HttpResponse<String> response = v2.get(token, "users?ids=" + alice + ",999999999");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode found = SignedCalls.json(response);

        assertEquals(1, found.path("data").size());
        assertEquals("alice_t", found.path("data").path(0).path("username").asText());
        assertEquals("999999999", found.path("errors").path(0).path("value").asText());
        assertEquals(400, v2.get(token, "users?ids=alice_t").statusCode());
    }

    @Test
    void meIsTheTokensAccount() throws Exception {
        JsonNode me = SignedCalls.json(v2.get(token, "users/me")).path("data");

        assertEquals(Long.toString(bot.id()), me.path("id").asText());
        assertEquals("casebird", me.path("username").asText());
    }
}
