package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.v2.Pkce;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OAuth 2.0 authorization code flow with PKCE, refresh, revoke and client credentials. */
class OAuth2FlowTest extends FakeApiTest {

    private static final String REDIRECT = "http://127.0.0.1:9/oauth/callback";
    private static final String VERIFIER = "verifier-of-forty-three-characters-or-more-0123";
    private static final String SCOPE = "dm.read dm.write tweet.read users.read offline.access";

    @BeforeEach
    void registerRedirect() {
        api.v2().oauth2().registerRedirectUri(REDIRECT);
    }

    private URI authorizeUrl(String redirect, String extra) {
        return URI.create(api.v2().authorizeUrl() + "?response_type=code&client_id="
                + api.v2().oauth2().clientId() + "&redirect_uri="
                + FormEncoding.percentEncode(redirect) + "&scope="
                + FormEncoding.percentEncode(SCOPE) + "&state=st4te&code_challenge="
                + Pkce.challengeOf(VERIFIER) + "&code_challenge_method=S256" + extra);
    }

    /** Approves as the bot on the authorize page and returns the code it redirected with. */
    private String approvedCode() throws Exception {
        HttpResponse<String> redirect = v2.fetch(authorizeUrl(REDIRECT, "&approve_as=casebird"));
        assertEquals(302, redirect.statusCode(), redirect.body());
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith(REDIRECT + "?state=st4te&code="), location);
        return location.substring(location.indexOf("&code=") + "&code=".length());
    }

    private HttpResponse<String> redeem(String code, String verifier) throws Exception {
        return v2.tokenCall(Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", REDIRECT, "code_verifier", verifier));
    }

    private HttpResponse<String> refresh(String refreshToken) throws Exception {
        return v2.tokenCall(Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken));
    }

    private static String field(HttpResponse<String> response, String name) throws Exception {
        return SignedCalls.json(response).path(name).asText();
    }

    @Test
    void authorizePageAsksWhichAccountApproves() throws Exception {
        HttpResponse<String> page = v2.fetch(authorizeUrl(REDIRECT, ""));

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("name=\"approve_as\""), page.body());
        assertTrue(page.body().contains("value=\"st4te\""), page.body());
    }

    @Test
    void unregisteredRedirectIsRefusedWithoutRedirecting() throws Exception {
        HttpResponse<String> refused = v2.fetch(authorizeUrl("http://127.0.0.1:9/evil",
                "&approve_as=casebird"));

        assertEquals(400, refused.statusCode());
        assertFalse(refused.headers().firstValue("Location").isPresent());
        assertTrue(refused.body().contains("redirect_uri is not registered"), refused.body());
    }

    @Test
    void codeWithTheRightVerifierGivesTokensActingAsTheApprover() throws Exception {
        HttpResponse<String> tokens = redeem(approvedCode(), VERIFIER);

        assertEquals(200, tokens.statusCode(), tokens.body());
        JsonNode body = SignedCalls.json(tokens);
        assertEquals(120, body.path("expires_in").asInt());
        assertEquals(SCOPE.split(" ").length, body.path("scope").asText().split(" ").length);
        HttpResponse<String> me = v2.get(body.path("access_token").asText(), "users/me");
        assertEquals(Long.toString(bot.id()), SignedCalls.json(me).path("data").path("id")
                .asText());
    }

    @Test
    void wrongVerifierIsRefusedAndSpendsTheCode() throws Exception {
        String code = approvedCode();

        HttpResponse<String> refused = redeem(code, VERIFIER.replace('0', '1'));
        HttpResponse<String> retried = redeem(code, VERIFIER);

        assertEquals(400, refused.statusCode());
        assertEquals("invalid_request", field(refused, "error"));
        assertTrue(field(refused, "error_description").contains("code verifier"));
        assertEquals(400, retried.statusCode());
    }

    @Test
    void codeIsSingleUse() throws Exception {
        String code = approvedCode();

        assertEquals(200, redeem(code, VERIFIER).statusCode());
        assertEquals(400, redeem(code, VERIFIER).statusCode());
    }

    @Test
    void tokenCallWithoutTheClientsCredentialsIs401() throws Exception {
        HttpResponse<String> refused = v2.form(api.v2().tokenUrl(),
                api.v2().oauth2().clientId(), "wrong", Map.of("grant_type", "refresh_token",
                        "refresh_token", "x"));

        assertEquals(401, refused.statusCode());
        assertEquals("unauthorized_client", field(refused, "error"));
    }

    @Test
    void refreshTokenIsSingleUseAndEachRefreshGivesANewOne() throws Exception {
        String first = field(redeem(approvedCode(), VERIFIER), "refresh_token");

        HttpResponse<String> refreshed = refresh(first);
        HttpResponse<String> reused = refresh(first);
        String second = field(refreshed, "refresh_token");

        assertEquals(200, refreshed.statusCode());
        assertFalse(second.equals(first));
        assertEquals(400, reused.statusCode());
        assertEquals("Value passed for the token was invalid.",
                field(reused, "error_description"));
        assertEquals(200, refresh(second).statusCode());
    }

    @Test
    void revokingATokenEndsItsWholeGrant() throws Exception {
        HttpResponse<String> tokens = redeem(approvedCode(), VERIFIER);
        String access = field(tokens, "access_token");

        HttpResponse<String> revokeCall = v2.form(api.v2().tokenUrl().resolve("revoke"),
                api.v2().oauth2().clientId(), api.v2().oauth2().clientSecret(),
                Map.of("token", access));

        assertEquals(200, revokeCall.statusCode(), revokeCall.body());
        assertTrue(SignedCalls.json(revokeCall).path("revoked").asBoolean());
        assertEquals(401, v2.get(access, "users/me").statusCode());
        assertEquals(400, refresh(field(tokens, "refresh_token")).statusCode());
    }

    @Test
    void clientCredentialsUnderTheConsumerKeyGiveAnAppOnlyBearer() throws Exception {
        for (URI url : List.of(api.v2().tokenUrl(),
                api.v2().baseUrl().resolve("/oauth2/token"))) {
            HttpResponse<String> answer = v2.form(url, api.consumerKey(), api.consumerSecret(),
                    Map.of("grant_type", "client_credentials"));

            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("bearer", field(answer, "token_type"));
            assertTrue(api.v2().oauth2().grants().access(field(answer, "access_token")).orElseThrow()
                    .accountId().isEmpty());
        }
        assertEquals(403, v2.tokenCall(Map.of("grant_type", "client_credentials"))
                .statusCode());
    }
}
