package casebird.twitter.client;

/**
 * The Twitter endpoints the plugin calls; their published limits, per API, are in
 * the budget's {@code ApiLimits}.
 */
public enum Endpoint {
    DM_LIST("direct_messages/events/list"),
    DM_SEND("direct_messages/events/new"),
    /** Creating a group conversation and posting in one; shares {@link #DM_SEND}'s limits. */
    DM_ROOM_SEND("dm_conversations"),
    DM_DESTROY("direct_messages/events/destroy"),
    USERS_LOOKUP("users/lookup"),
    VERIFY_CREDENTIALS("account/verify_credentials"),
    /** Webhooks: v1.1's Account Activity calls; v2's webhook and subscription calls. */
    WEBHOOKS("account_activity/all/webhooks"),
    /** X Activity API's persistent stream, {@code GET /2/activity/stream} (v2 only). */
    ACTIVITY_STREAM("activity-stream");

    private final String path;

    Endpoint(String path) {
        this.path = path;
    }

    /** The endpoint's path under the v1.1 base URL, as logs name it. */
    public String path() {
        return path;
    }
}
