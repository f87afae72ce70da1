package casebird.twitter.budget;

/**
 * The Twitter endpoints the plugin calls, each with Twitter's published limit, which the
 * budget assumes until the first answer's {@code x-rate-limit-*} headers say otherwise.
 */
public enum Endpoint {
    DM_LIST("direct_messages/events/list", 15, false),
    DM_SEND("direct_messages/events/new", 1000, true),
    DM_DESTROY("direct_messages/events/destroy", 15, false),
    USERS_LOOKUP("users/lookup", 900, false),
    VERIFY_CREDENTIALS("account/verify_credentials", 75, false),
    WEBHOOKS("account_activity/all/webhooks", 15, false);

    private final String path;
    private final int defaultLimit;
    private final boolean sendWindow;

    Endpoint(String path, int defaultLimit, boolean sendWindow) {
        this.path = path;
        this.defaultLimit = defaultLimit;
        this.sendWindow = sendWindow;
    }

    /** The endpoint's path under the v1.1 base URL, as logs name it. */
    public String path() {
        return path;
    }

    /** Twitter's published limit of calls per window. */
    public int defaultLimit() {
        return defaultLimit;
    }

    /** Whether the endpoint's window is the long sending one (24 h) rather than 15 min. */
    public boolean sendWindow() {
        return sendWindow;
    }
}
