package casebird.harness.twitter;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The logical endpoints the fake serves, each named by its scenario word: Twitter's v1.1
 * calls, and X API v2's calls counted under them (one without methods has no v1.1 call).
 */
public enum Endpoint {
    DM_LIST("dm-list", "direct_messages/events/list.json", "GET"),
    DM_SHOW("dm-show", "direct_messages/events/show.json", "GET"),
    DM_SEND("dm-send", "direct_messages/events/new.json", "POST"),
    /** X API v2 only: group creation and group messages; it shares dm-send's limits. */
    DM_ROOM_SEND("dm-room-send", "dm_conversations"),
    DM_DESTROY("dm-destroy", "direct_messages/events/destroy.json", "DELETE"),
    USERS_LOOKUP("users-lookup", "users/lookup.json", "GET", "POST"),
    USERS_SHOW("users-show", "users/show.json", "GET"),
    VERIFY_CREDENTIALS("verify-credentials", "account/verify_credentials.json", "GET"),
    WEBHOOKS_LIST("webhooks-list", "account_activity/all/{env}/webhooks.json", "GET"),
    WEBHOOK_REGISTER("webhook-register", "account_activity/all/{env}/webhooks.json", "POST"),
    WEBHOOK_CHECK("webhook-check", "account_activity/all/{env}/webhooks/{id}.json", "PUT"),
    WEBHOOK_DELETE("webhook-delete", "account_activity/all/{env}/webhooks/{id}.json",
            "DELETE"),
    SUBSCRIBE("subscribe", "account_activity/all/{env}/subscriptions.json", "POST"),
    /** X API v2 only: {@code GET /2/activity/stream} connections. */
    ACTIVITY_STREAM("activity-stream", ""),
    /** X API v2 only: the X Activity API's {@code /2/activity/subscriptions} calls. */
    ACTIVITY_SUBSCRIPTIONS("activity-subscriptions", ""),
    /** X API v2 only: the {@code /2/webhooks} calls. */
    WEBHOOKS("webhooks", "");

    private final String word;
    private final String path;
    private final Set<String> methods;
    private final Pattern pattern;

    Endpoint(String word, String path, String... methods) {
        this.word = word;
        this.path = path;
        this.methods = Set.of(methods);
        this.pattern = pathPattern(path);
    }

    /** A path's pattern, each {@code {name}} matching one segment of letters, digits, - or _. */
    static Pattern pathPattern(String path) {
        return Pattern.compile(Pattern.quote(path)
                .replaceAll("\\{[a-z_]+}", "\\\\E[A-Za-z0-9_-]+\\\\Q"));
    }

    /** The scenario word for this endpoint, e.g. {@code dm-list}. */
    public String word() {
        return word;
    }

    /** The path relative to the API base URL; {@code {env}} and {@code {id}} are segments. */
    public String path() {
        return path;
    }

    /** The endpoint named by a scenario word, if any. */
    public static Optional<Endpoint> fromWord(String word) {
        return Arrays.stream(values()).filter(e -> e.word.equals(word)).findFirst();
    }

    /** The endpoint serving an HTTP method on a path relative to the base URL, if any. */
    static Optional<Endpoint> route(String method, String relativePath) {
        return Arrays.stream(values())
                .filter(e -> e.pattern.matcher(relativePath).matches()
                        && e.methods.contains(method))
                .findFirst();
    }
}
