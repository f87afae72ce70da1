package casebird.twitter.client;

import java.util.OptionalLong;
import java.util.Set;

/**
 * A Twitter API call failed.
 *
 * <p>{@code status} is the HTTP status, or -1 when no answer came (network failure);
 * {@code errorCode} is Twitter's error code from the body, or -1; {@code rateLimitReset}
 * is the {@code x-rate-limit-reset} header (epoch seconds) when the answer had one.
 */
public class TwitterApiException extends RuntimeException {

    private static final Set<Integer> RECIPIENT_CODES = Set.of(50, 63, 108, 150, 349);

    private final int status;
    private final int errorCode;
    private final OptionalLong rateLimitReset;
    private final String reason;

    /** Creates the exception from the facts of a failed call. */
    public TwitterApiException(
            String message, int status, int errorCode, OptionalLong rateLimitReset,
            Throwable cause) {
        super(message + " (status " + status + ", code " + errorCode + ")", cause);
        this.status = status;
        this.errorCode = errorCode;
        this.rateLimitReset = rateLimitReset;
        this.reason = message;
    }

    /** What went wrong, in the words of the caller that raised it, without status and code. */
    public String reason() {
        return reason;
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    /** When the rate-limit window resets, in epoch seconds, if the answer said. */
    public OptionalLong rateLimitReset() {
        return rateLimitReset;
    }

    /**
     * Twitter refuses this recipient for good, a 4xx whose code is about the recipient: 349
     * (cannot send messages to this user), 150 (not following you), 50 and 108 (no such
     * user), 63 (suspended). Retrying won't help. An error naming no recipient (no code,
     * or one about the bot or the app) is not one of these.
     */
    public boolean recipientUnreachable() {
        return status >= 400 && status < 500 && RECIPIENT_CODES.contains(errorCode);
    }

    /**
     * The app or its token lacks a permission (a 403 about no one recipient): no retry or
     * skipping fixes it, so callers stop, report it and drop nothing.
     */
    public boolean permissionMissing() {
        return status == 403 && !recipientUnreachable();
    }

    /** The endpoint's rate limit is spent (429, or code 88). */
    public boolean rateLimited() {
        return status == 429 || errorCode == 88;
    }

    /** Twitter rejected the credentials (401). */
    public boolean credentialsRejected() {
        return status == 401;
    }
}
