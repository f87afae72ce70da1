package casebird.twitter.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TwitterApiExceptionTest {

    @Test
    void refusalsOfOneRecipientAreNotMissingPermissions() {
        for (TwitterApiException e : new TwitterApiException[] {
                failure(403, 349), failure(403, 150), failure(404, 50)}) {
            assertTrue(e.recipientUnreachable(), e.getMessage());
            assertFalse(e.permissionMissing(), e.getMessage());
        }
    }

    @Test
    void anyOther403IsAMissingPermission() {
        for (TwitterApiException e : new TwitterApiException[] {
                failure(403, 93), failure(403, 453), failure(403, -1)}) {
            assertTrue(e.permissionMissing(), e.getMessage());
            assertFalse(e.recipientUnreachable(), e.getMessage());
        }
    }

    @Test
    void otherFailuresAreNeither() {
        for (TwitterApiException e : new TwitterApiException[] {
                failure(404, 34), failure(401, 89), failure(429, 88), failure(-1, -1)}) {
            assertFalse(e.permissionMissing(), e.getMessage());
            assertFalse(e.recipientUnreachable(), e.getMessage());
        }
    }

    private static TwitterApiException failure(int status, int code) {
        return new TwitterApiException("call failed", status, code, OptionalLong.empty(), null);
    }
}
