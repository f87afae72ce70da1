package casebird.twitter.client.v2;

/**
 * Push delivery was asked of the X API v2 adapter, which does not offer it yet: the plugin
 * must poll (or use the v1.1 adapter's Account Activity webhooks).
 */
public final class PushNotOnV2Exception extends UnsupportedOperationException {

    /** Creates the failure for the webhook environment that was asked for. */
    public PushNotOnV2Exception(String env) {
        super("push through webhook environment '" + env + "' is not available on X API v2"
                + " yet; the plugin polls instead");
    }
}
