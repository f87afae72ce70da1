package casebird.twitter.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The plugin's admin settings, checked and typed, grouped by the part that uses them.
 *
 * @param credentials the OAuth 1.0a keys and tokens, under {@code auth=oauth1}
 * @param oauth2 the OAuth 2.0 client and bot account, under {@code auth=oauth2}
 * @param api which API, where and how long the client calls
 * @param spend X API v2's pay-per-use cost: prices and the daily cap
 * @param handleField the CRM user field holding an agent's Twitter handle
 * @param sync whether each state commit is forced to the disk (survives power loss)
 * @param polling when the inbox is read
 * @param retry how failed calls back off
 * @param limits Twitter's rate-limit windows as the budget assumes them
 * @param inbox how the poller reads the inbox and handles its DMs
 * @param unlinkedReplies how often senders who are not linked are told so
 * @param push push delivery of DMs by webhook
 * @param outbox when health warns about the outbox
 */
public record PluginSettings(
        Optional<Credentials> credentials,
        Optional<OAuth2Client> oauth2,
        Api api,
        Spend spend,
        String handleField,
        boolean sync,
        Polling polling,
        Retry retry,
        Limits limits,
        Inbox inbox,
        UnlinkedReplies unlinkedReplies,
        Push push,
        Outbox outbox) {

    /** Twitter calls may take at most this long: stopping the plugin waits on one. */
    static final Duration MAX_HTTP_TIMEOUT = Duration.ofMinutes(5);
    /** A notice later than a day is what the notice bound exists to prevent. */
    static final Duration MAX_NOTICE_DELAY = Duration.ofHours(24);
    /** Far above what the send budget allows in a day. */
    static final int MAX_DAILY_CAP = 100_000;

    /** The OAuth 1.0a secrets; {@link #toString()} never shows them. */
    public record Credentials(
            String consumerKey,
            String consumerSecret,
            String accessToken,
            String accessTokenSecret) {

        /** Reads the four secrets, each under its name or its twitter4j alias. */
        static Credentials read(SettingsReader r) {
            return new Credentials(
                    r.required("consumer-key", "oauth.consumerKey",
                            "the Twitter app's consumer key (API key)"),
                    r.required("consumer-secret", "oauth.consumerSecret",
                            "the Twitter app's consumer secret (API secret)"),
                    r.required("access-token", "oauth.accessToken",
                            "the bot account's OAuth access token"),
                    r.required("access-token-secret", "oauth.accessTokenSecret",
                            "the bot account's OAuth access token secret"));
        }

        @Override
        public String toString() {
            return "Credentials[hidden]";
        }
    }

    /**
     * Which API the client speaks and where it calls it.
     *
     * @param choice the API version and auth
     * @param baseUrl v2: the root under which {@code 2/...} lives; v1.1: the REST base URL;
     *     ending with a slash
     * @param httpTimeout the connect and read timeout of one API call
     */
    public record Api(ApiChoice choice, String baseUrl, Duration httpTimeout) {}

    /**
     * When the inbox is read.
     *
     * @param interval the longest gap between two reads
     * @param minInterval the shortest gap between two reads
     * @param replyLikelyPeriod how long after the plugin sent DMs the inbox is read more often
     */
    public record Polling(Duration interval, Duration minInterval, Duration replyLikelyPeriod) {}

    /**
     * How failed calls back off.
     *
     * @param base the first backoff step of a failed call
     * @param cap the longest backoff step
     * @param credentials how often rejected credentials are checked again
     */
    public record Retry(Duration base, Duration cap, Duration credentials) {}

    /**
     * Twitter's rate-limit windows, assumed until its answers say otherwise.
     *
     * @param rateWindow the window of the 15-minute limits
     * @param sendWindow the window of the sending limit (24 h)
     * @param margin how long after a window's reset a spent endpoint waits
     */
    public record Limits(Duration rateWindow, Duration sendWindow, Duration margin) {}

    /**
     * How the poller reads the inbox and handles its DMs.
     *
     * @param catchUpMargin how far before its position the poller looks for late DM events
     * @param deleteHandled whether handled DMs are deleted from the bot's view afterwards
     * @param deleteInterval the least time between two such deletions
     * @param commandAttempts how many times a DM whose command fails unexpectedly is tried
     *     before it is parked and its sender told
     */
    public record Inbox(Duration catchUpMargin, boolean deleteHandled, Duration deleteInterval,
            int commandAttempts) {}

    /**
     * How often senders who are not linked get the "not linked" reply.
     *
     * @param interval how often one such sender may get it
     * @param dailyCap how many may go out per day in all
     */
    public record UnlinkedReplies(Duration interval, int dailyCap) {}

    /**
     * Push delivery of DMs by webhook.
     *
     * @param webhookEnv the Account Activity environment whose webhook pushes DMs to the
     *     plugin; empty when the plugin only polls
     * @param reconcileInterval how often the inbox is read while push deliveries arrive
     * @param silence how long without a delivery or registration before push counts as
     *     failed and the inbox is read every poll interval again
     * @param deliveryMaxAge how old a pushed DM event may be before its delivery is refused
     *     as a replay
     * @param mode push on X API v2's X Activity API: off, stream or webhook
     * @param webhookUrl the public URL X should post to under {@code push=webhook}; empty
     *     for the host's route URL
     * @param streamSilence how long the stream may send nothing, keep-alives included,
     *     before it counts as dead and is reconnected
     * @param consumer the app's consumer key and secret, which push needs (app-only Bearer,
     *     CRC answers, delivery signatures); empty when not given
     */
    public record Push(Optional<String> webhookEnv, Duration reconcileInterval,
            Duration silence, Duration deliveryMaxAge, PushMode mode,
            Optional<java.net.URI> webhookUrl, Duration streamSilence,
            Optional<ConsumerPair> consumer) {}

    /**
     * The X app's consumer key and secret (API key pair); {@link #toString()} hides them.
     *
     * @param key the consumer key
     * @param secret the consumer secret
     */
    public record ConsumerPair(String key, String secret) {

        @Override
        public String toString() {
            return "ConsumerPair[hidden]";
        }
    }

    /**
     * When health warns about DMs waiting in the outbox.
     *
     * @param warnAge how long a DM may wait before health warns
     * @param warnSize how many DMs may wait before health warns
     * @param noticeMaxDelay how long a notice may wait before it is joined into the next DM
     *     to its recipient whatever the pacing, and health says the outbox is behind
     */
    public record Outbox(Duration warnAge, int warnSize, Duration noticeMaxDelay) {}

    /**
     * Reads and checks the settings map, applying the production defaults.
     *
     * @throws InvalidSettingsException naming every missing, malformed or unknown setting
     */
    public static PluginSettings from(Map<String, String> raw) {
        SettingsReader r = new SettingsReader(raw);
        PluginSettings settings = read(r);
        r.rejectUnknownNames();
        if (!r.problems().isEmpty()) {
            throw new InvalidSettingsException(r.problems());
        }
        return settings;
    }

    /** Reads every setting in the order that messages list them. */
    private static PluginSettings read(SettingsReader r) {
        ApiChoice choice = ApiChoice.read(r);
        boolean oauth2 = choice.auth() == ApiChoice.Auth.OAUTH2;
        Optional<Credentials> credentials =
                oauth2 ? Optional.empty() : Optional.of(Credentials.read(r));
        Optional<OAuth2Client> client =
                oauth2 ? Optional.of(OAuth2Client.read(r)) : Optional.empty();
        // Under OAuth 1.0a the keys name the bot; a bot-account beside them is allowed.
        r.text("bot-account", "");
        String apiBaseUrl = r.url("api-base-url", "restBaseURL", choice.defaultBaseUrl());
        String handleField = r.text("handle-field", "twitter");
        Duration pollInterval = r.duration("poll-interval", "60s");
        Duration retryBase = r.duration("retry-base", "2s");
        Duration retryCap = r.duration("retry-cap", "5m");
        Api api = new Api(choice, apiBaseUrl, r.duration("http-timeout", "20s", MAX_HTTP_TIMEOUT));
        Retry retry = new Retry(retryBase, retryCap, r.duration("credentials-retry", "15m"));
        UnlinkedReplies unlinked = new UnlinkedReplies(
                r.duration("unlinked-reply-interval", "24h"),
                r.count("unlinked-reply-daily-cap", 50, MAX_DAILY_CAP));
        Duration catchUpMargin = r.duration("catch-up-margin", "2m");
        boolean deleteHandled = r.flag("delete-handled");
        Duration deleteInterval = r.duration("delete-interval", "1m");
        boolean sync = r.flag("sync");
        Polling polling = new Polling(pollInterval, r.duration("poll-min-interval", "10s"),
                r.duration("reply-likely-period", "6m"));
        Limits limits = new Limits(r.duration("rate-window", "15m"),
                r.duration("send-window", "24h"), r.duration("rate-limit-margin", "5s"));
        Optional<String> webhookEnv = r.optional("webhook-env", "[A-Za-z0-9_-]{1,64}",
                "an Account Activity environment label such as prod");
        Duration reconcileInterval = r.duration("reconcile-interval", "15m");
        Duration pushSilence = r.duration("push-silence", "65m");
        Inbox inbox = new Inbox(catchUpMargin, deleteHandled, deleteInterval,
                Math.max(1, r.count("command-attempts", 3, 100)));
        Outbox outbox = new Outbox(r.duration("outbox-warn-age", "1h"),
                r.count("outbox-warn-size", 1_000, 10_000_000),
                r.duration("notice-max-delay", "15m", MAX_NOTICE_DELAY));
        Duration deliveryMaxAge = r.duration("delivery-max-age", "48h");
        Push push = PushSettings.read(r, choice, credentials, webhookEnv, reconcileInterval,
                pushSilence, deliveryMaxAge);
        return new PluginSettings(credentials, client, api, Spend.read(r), handleField, sync,
                polling, retry, limits, inbox, unlinked, push, outbox);
    }
}
