package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.TwitterApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class V2ErrorMappingTest {

    private static final String FORBIDDEN_NO_ONE = """
            {"title":"Forbidden","type":"about:blank","status":403,
             "detail":"Your client app is not configured with the appropriate oauth1 app\
             permissions for this endpoint."}""";
    private static final String USER_NOT_FOUND = """
            {"title":"Not Found Error","detail":"Could not find user with id: [1000009].",
             "type":"https://api.x.com/2/problems/resource-not-found",
             "resource_type":"user","resource_id":"1000009","status":404}""";

    private final V2Fixture fixture = new V2Fixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void unauthorizedIsRejectedCredentials() {
        fixture.answer(401, "error-401.json");

        TwitterApiException e = failure(() -> fixture.port.verifyCredentials());

        assertTrue(e.credentialsRejected());
        assertEquals(1, fixture.x.requests().size(), "a fixed token is not renewed");
    }

    @Test
    void unauthorizedSendIsRejectedCredentialsToo() {
        fixture.x.enqueue(ScriptedServer.Reply.sample(401, "error-401.json")
                .withHeader("WWW-Authenticate", "Bearer"));

        TwitterApiException e = failure(() -> fixture.port.send(1000001, "hi"));

        assertTrue(e.credentialsRejected(), e.getMessage());
    }

    @Test
    void refusalNamingTheRecipientMeansTheRecipientIsUnreachable() {
        fixture.answer(403, "error-403-cannot-dm.json");

        TwitterApiException e = failure(() -> fixture.port.send(1000003, "hi"));

        assertTrue(e.recipientUnreachable());
        assertEquals(349, e.errorCode());
        assertFalse(e.permissionMissing());
    }

    @Test
    void refusalNamingAnotherUserIsAboutTheBotNotTheRecipient() {
        fixture.answer(403, "error-403-cannot-dm.json");

        TwitterApiException e = failure(() -> fixture.port.send(1000004, "hi"));

        assertFalse(e.recipientUnreachable());
        assertTrue(e.permissionMissing());
    }

    @Test
    void forbiddenNamingNoRecipientIsAMissingPermission() {
        fixture.x.enqueue(ScriptedServer.Reply.json(403, FORBIDDEN_NO_ONE));

        TwitterApiException e = failure(() -> fixture.port.send(1000001, "hi"));

        assertTrue(e.permissionMissing());
        assertFalse(e.recipientUnreachable());
        assertTrue(e.getMessage().contains("app permissions"), e.getMessage());
    }

    @Test
    void recipientNotFoundIsUnreachableButAMissingListIsNot() {
        fixture.x.enqueue(ScriptedServer.Reply.json(404, USER_NOT_FOUND));
        fixture.x.enqueue(ScriptedServer.Reply.json(404, USER_NOT_FOUND));

        TwitterApiException send = failure(() -> fixture.port.send(1000009, "hi"));
        TwitterApiException list = failure(() -> fixture.port.listEvents(Optional.empty()));

        assertTrue(send.recipientUnreachable());
        assertEquals(50, send.errorCode());
        assertFalse(list.recipientUnreachable());
        assertEquals(404, list.status());
    }

    @Test
    void tooManyRequestsIsRateLimitedUntilTheResetHeader() {
        fixture.x.enqueue(ScriptedServer.Reply.sample(429, "error-429.json")
                .withHeader("x-rate-limit-reset", "1796041000"));

        TwitterApiException e = failure(() -> fixture.port.listEvents(Optional.empty()));

        assertTrue(e.rateLimited());
        assertEquals(OptionalLong.of(1796041000), e.rateLimitReset());
    }

    @Test
    void errorsArrayKeepsItsCode() {
        fixture.x.enqueue(ScriptedServer.Reply.json(429,
                "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}"));

        TwitterApiException e = failure(() -> fixture.port.listEvents(Optional.empty()));

        assertEquals(88, e.errorCode());
        assertTrue(e.getMessage().contains("Rate limit exceeded"), e.getMessage());
    }

    @Test
    void serverErrorsKeepTheirStatusAndGarbageIsARetryable200() {
        fixture.x.enqueue(ScriptedServer.Reply.json(503, "<html>over capacity</html>"));
        fixture.x.enqueue(ScriptedServer.Reply.json(200, "{\"data\":[{\"id\":"));

        TwitterApiException unavailable = failure(() -> fixture.port.listEvents(Optional.empty()));
        TwitterApiException garbage = failure(() -> fixture.port.listEvents(Optional.empty()));

        assertEquals(503, unavailable.status());
        assertEquals(200, garbage.status());
        assertFalse(garbage.credentialsRejected() || garbage.rateLimited());
    }

    @Test
    void anAnswerTooSlowForTheReadTimeoutIsNoAnswer() {
        fixture.x.enqueue(ScriptedServer.Reply.sample(200, "users-me.json")
                .after(Duration.ofMillis(1500)));

        TwitterApiException e = failure(() -> fixture.port.verifyCredentials());

        assertEquals(-1, e.status());
    }

    @Test
    void aClosedClientMakesNoCall() {
        fixture.http.close();

        TwitterApiException e = failure(() -> fixture.port.verifyCredentials());

        assertEquals(-1, e.status());
        assertEquals(0, fixture.x.requests().size());
    }

    private static TwitterApiException failure(Executable call) {
        return assertThrows(TwitterApiException.class, call);
    }
}
