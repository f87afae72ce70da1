package casebird.harness.twitter;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The X API v2 calls the fake serves, each under its logical endpoint (whose limits and
 * faults it shares) and with the OAuth 2.0 scopes X requires of it.
 */
enum V2Route {
    DM_EVENTS(Endpoint.DM_LIST, "GET", "dm_events", "dm.read", "tweet.read", "users.read"),
    DM_SEND(Endpoint.DM_SEND, "POST", "dm_conversations/with/{participant_id}/messages",
            "dm.read", "dm.write", "tweet.read", "users.read"),
    DM_CONVERSATION_EVENTS(Endpoint.DM_LIST, "GET",
            "dm_conversations/{dm_conversation_id}/dm_events", "dm.read", "tweet.read",
            "users.read"),
    DM_GROUP_CREATE(Endpoint.DM_ROOM_SEND, "POST", "dm_conversations", "dm.read", "dm.write",
            "tweet.read", "users.read"),
    DM_GROUP_POST(Endpoint.DM_ROOM_SEND, "POST", "dm_conversations/{dm_conversation_id}/messages",
            "dm.read", "dm.write", "tweet.read", "users.read"),
    DM_DELETE(Endpoint.DM_DESTROY, "DELETE", "dm_events/{id}", "dm.read", "dm.write"),
    USERS_BY(Endpoint.USERS_LOOKUP, "GET", "users/by", "tweet.read", "users.read"),
    USERS_BY_IDS(Endpoint.USERS_LOOKUP, "GET", "users", "tweet.read", "users.read"),
    USERS_ME(Endpoint.VERIFY_CREDENTIALS, "GET", "users/me", "tweet.read", "users.read");

    /** The path prefix of every v2 call. */
    static final String BASE_PATH = "/2/";
    private static final Pattern PARTICIPANT = Pattern.compile(
            "/2/dm_conversations/with/([^/]+)/messages");
    private static final Pattern EVENT = Pattern.compile("/2/dm_events/([^/]+)");
    private static final Pattern CONVERSATION = Pattern.compile(
            "/2/dm_conversations/([^/]+)/(?:messages|dm_events)");

    private final Endpoint endpoint;
    private final String method;
    private final Pattern pattern;
    private final Set<String> scopes;

    V2Route(Endpoint endpoint, String method, String path, String... scopes) {
        this.endpoint = endpoint;
        this.method = method;
        this.pattern = Endpoint.pathPattern(path);
        this.scopes = Set.of(scopes);
    }

    /** The logical endpoint this call counts under. */
    Endpoint endpoint() {
        return endpoint;
    }

    /** The scopes an OAuth 2.0 token needs for this call. */
    Set<String> scopes() {
        return scopes;
    }

    /** The route serving an HTTP method on a raw request path, if any. */
    static Optional<V2Route> route(String method, String rawPath) {
        if (!rawPath.startsWith(BASE_PATH)) {
            return Optional.empty();
        }
        String relative = rawPath.substring(BASE_PATH.length());
        return Arrays.stream(values())
                .filter(r -> r.method.equals(method) && r.pattern.matcher(relative).matches())
                .findFirst();
    }

    /** The route counted under a logical endpoint. */
    static V2Route of(Endpoint endpoint) {
        return Arrays.stream(values()).filter(r -> r.endpoint == endpoint).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no v2 route for " + endpoint));
    }

    /** The user a one-to-one send names as its participant, if the call is such a send. */
    static Optional<String> participant(ApiRequest request) {
        return group(PARTICIPANT, request);
    }

    /** The DM event a delete names, if the call is a delete. */
    static Optional<String> eventId(ApiRequest request) {
        return group(EVENT, request);
    }

    /** The conversation a group post or a conversation's list names, if the call is one. */
    static Optional<String> conversationId(ApiRequest request) {
        return group(CONVERSATION, request);
    }

    private static Optional<String> group(Pattern pattern, ApiRequest request) {
        Matcher matcher = pattern.matcher(request.signedUrl().getRawPath());
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
