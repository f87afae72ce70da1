package casebird.twitter.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's admin settings, checked and typed.
 *
 * @param credentials the OAuth 1.0a keys and tokens
 * @param apiBaseUrl the v1.1 REST base URL, ending with a slash
 * @param handleField the CRM user field holding an agent's Twitter handle
 * @param pollInterval the longest gap between two reads of the inbox
 * @param retryBase the first backoff step of a failed send
 * @param retryCap the longest backoff step
 * @param httpTimeout the connect and read timeout of one API call
 * @param credentialsRetry how often rejected credentials are checked again
 * @param unlinkedReplyInterval how often one unlinked sender may get the "not linked" reply
 * @param unlinkedReplyDailyCap how many "not linked" replies may go out per day in all
 * @param catchUpMargin how far before its position the poller looks for late DM events
 * @param deleteHandled whether handled DMs are deleted from the bot's view afterwards
 * @param deleteInterval the least time between two such deletions
 * @param sync whether each state commit is forced to the disk (survives power loss)
 * @param pollMinInterval the shortest gap between two reads of the inbox
 * @param replyLikelyPeriod how long after the plugin sent DMs the inbox is read more often
 * @param rateWindow Twitter's window of the 15-minute limits, until its answers say
 * @param sendWindow Twitter's window of the sending limit (24 h)
 * @param rateLimitMargin how long after a window's reset a spent endpoint waits
 * @param webhookEnv the Account Activity environment whose webhook pushes DMs to the
 *     plugin; empty when the plugin only polls
 * @param reconcileInterval how often the inbox is read while push deliveries arrive
 * @param pushSilence how long without a delivery or registration before push counts as failed
 *     and the inbox is read every poll interval again
 * @param commandAttempts how many times a DM whose command fails unexpectedly is tried
 *     before it is parked and its sender told
 * @param outboxWarnAge how long a DM may wait in the outbox before health warns
 * @param outboxWarnSize how many DMs may wait in the outbox before health warns
 * @param deliveryMaxAge how old a pushed DM event may be before its delivery is refused as
 *     a replay
 */
public record PluginSettings(
        Credentials credentials,
        String apiBaseUrl,
        String handleField,
        Duration pollInterval,
        Duration retryBase,
        Duration retryCap,
        Duration httpTimeout,
        Duration credentialsRetry,
        Duration unlinkedReplyInterval,
        int unlinkedReplyDailyCap,
        Duration catchUpMargin,
        boolean deleteHandled,
        Duration deleteInterval,
        boolean sync,
        Duration pollMinInterval,
        Duration replyLikelyPeriod,
        Duration rateWindow,
        Duration sendWindow,
        Duration rateLimitMargin,
        Optional<String> webhookEnv,
        Duration reconcileInterval,
        Duration pushSilence,
        int commandAttempts,
        Duration outboxWarnAge,
        int outboxWarnSize,
        Duration deliveryMaxAge) {

    /** Twitter calls may take at most this long: stopping the plugin waits on one. */
    static final Duration MAX_HTTP_TIMEOUT = Duration.ofMinutes(5);
    /** Far above what the send budget allows in a day. */
    static final int MAX_DAILY_CAP = 100_000;

    /** The OAuth 1.0a secrets; {@link #toString()} never shows them. */
    public record Credentials(
            String consumerKey,
            String consumerSecret,
            String accessToken,
            String accessTokenSecret) {

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    /**
     * Reads and checks the settings map, applying the production defaults.
     *
     * @throws InvalidSettingsException naming every missing, malformed or unknown setting
     */
    public static PluginSettings from(Map<String, String> raw) {
        SettingsReader r = new SettingsReader(raw);
        Credentials credentials = new Credentials(
                r.required("consumer-key", "oauth.consumerKey",
                        "the Twitter app's consumer key (API key)"),
                r.required("consumer-secret", "oauth.consumerSecret",
                        "the Twitter app's consumer secret (API secret)"),
                r.required("access-token", "oauth.accessToken",
                        "the bot account's OAuth access token"),
                r.required("access-token-secret", "oauth.accessTokenSecret",
                        "the bot account's OAuth access token secret"));
        PluginSettings settings = new PluginSettings(
                credentials,
                r.url("api-base-url", "restBaseURL", "https://api.twitter.com/1.1/"),
                r.text("handle-field", "twitter"),
                r.duration("poll-interval", "60s"),
                r.duration("retry-base", "2s"),
                r.duration("retry-cap", "5m"),
                r.duration("http-timeout", "20s", MAX_HTTP_TIMEOUT),
                r.duration("credentials-retry", "15m"),
                r.duration("unlinked-reply-interval", "24h"),
                r.count("unlinked-reply-daily-cap", 50, MAX_DAILY_CAP),
                r.duration("catch-up-margin", "2m"),
                r.flag("delete-handled"),
                r.duration("delete-interval", "1m"),
                r.flag("sync"),
                r.duration("poll-min-interval", "10s"),
                r.duration("reply-likely-period", "6m"),
                r.duration("rate-window", "15m"),
                r.duration("send-window", "24h"),
                r.duration("rate-limit-margin", "5s"),
                r.optional("webhook-env", "[A-Za-z0-9_-]{1,64}",
                        "an Account Activity environment label such as prod"),
                r.duration("reconcile-interval", "15m"),
                r.duration("push-silence", "65m"),
                Math.max(1, r.count("command-attempts", 3, 100)),
                r.duration("outbox-warn-age", "1h"),
                r.count("outbox-warn-size", 1_000, 10_000_000),
                r.duration("delivery-max-age", "48h"));
        r.rejectUnknownNames();
        if (!r.problems().isEmpty()) {
            throw new InvalidSettingsException(r.problems());
        }
        return settings;
    }
}
