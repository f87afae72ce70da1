package casebird.harness.twitter;

import java.util.Map;
import java.util.OptionalInt;

/** A Twitter API error answer: the HTTP status, Twitter's error code and its message. */
public final class TwitterApiError extends RuntimeException {

    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(17, "No user matches for specified terms."),
            Map.entry(32, "Could not authenticate you."),
            Map.entry(34, "Sorry, that page does not exist."),
            Map.entry(38, "A required parameter is missing."),
            Map.entry(50, "User not found."),
            Map.entry(88, "Rate limit exceeded"),
            Map.entry(89, "Invalid or expired token."),
            Map.entry(108, "Cannot find specified user."),
            Map.entry(130, "Over capacity"),
            Map.entry(131, "Internal error"),
            Map.entry(150, "You cannot send messages to users who are not following you."),
            Map.entry(214, "Bad request."),
            Map.entry(349, "You cannot send messages to this user."),
            Map.entry(354, "The text of your direct message is over the max character limit."));

    private final int status;
    private final OptionalInt code;
    private final transient Map<String, String> headers;

    private TwitterApiError(int status, OptionalInt code, String message,
            Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.headers = Map.copyOf(headers);
    }

    /** An error with a known Twitter code and that code's usual message. */
    static TwitterApiError of(int status, int code) {
        return of(status, code, messageFor(code));
    }

    /** An error with a Twitter code and a specific message. */
    static TwitterApiError of(int status, int code, String message) {
        return new TwitterApiError(status, OptionalInt.of(code), message, Map.of());
    }

    /** An error with no Twitter code, as X API v2 answers (rendered as a problem). */
    static TwitterApiError of(int status, String message) {
        return new TwitterApiError(status, OptionalInt.empty(), message, Map.of());
    }

    /** An error answering {@code status}, with a code if given, as a fault would. */
    static TwitterApiError forFault(int status, OptionalInt code) {
        OptionalInt effective = code.isPresent() ? code : defaultCode(status);
        String message = effective.isPresent()
                ? messageFor(effective.getAsInt()) : "HTTP " + status;
        return new TwitterApiError(status, effective, message, Map.of());
    }

    /** Twitter's 429 answer, carrying the rate-limit headers of the exhausted window. */
    static TwitterApiError rateLimited(Map<String, String> rateHeaders) {
        return new TwitterApiError(429, OptionalInt.of(88), messageFor(88), rateHeaders);
    }

    /** This error with the given response headers. */
    TwitterApiError withHeaders(Map<String, String> extra) {
        return new TwitterApiError(status, code, getMessage(), extra);
    }

    /** The HTTP status Twitter answers. */
    public int status() {
        return status;
    }

    /** Twitter's error code in the body, if any. */
    public OptionalInt code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    private static String messageFor(int code) {
        return MESSAGES.getOrDefault(code, "Error " + code);
    }

    private static OptionalInt defaultCode(int status) {
        return switch (status) {
            case 401 -> OptionalInt.of(32);
            case 429 -> OptionalInt.of(88);
            case 500 -> OptionalInt.of(131);
            case 503 -> OptionalInt.of(130);
            default -> OptionalInt.empty();
        };
    }
}
