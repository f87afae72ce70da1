package casebird.twitter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 */
public record PluginSettings(
        Credentials credentials,
        String apiBaseUrl,
        String handleField,
        Duration pollInterval,
        Duration retryBase,
        Duration retryCap,
        Duration httpTimeout,
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
        Duration rateLimitMargin) {

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
     * @throws InvalidSettingsException naming every missing or malformed setting
     */
    public static PluginSettings from(Map<String, String> raw) {
        Reader r = new Reader(raw);
        Credentials credentials = new Credentials(
                r.secret("consumer-key", "oauth.consumerKey"),
                r.secret("consumer-secret", "oauth.consumerSecret"),
                r.secret("access-token", "oauth.accessToken"),
                r.secret("access-token-secret", "oauth.accessTokenSecret"));
        PluginSettings settings = new PluginSettings(
                credentials,
                r.url("api-base-url", "https://api.twitter.com/1.1/"),
                r.text("handle-field", "twitter"),
                r.duration("poll-interval", "60s"),
                r.duration("retry-base", "2s"),
                r.duration("retry-cap", "5m"),
                r.duration("http-timeout", "20s"),
                r.duration("unlinked-reply-interval", "24h"),
                r.count("unlinked-reply-daily-cap", 50),
                r.duration("catch-up-margin", "2m"),
                r.flag("delete-handled"),
                r.duration("delete-interval", "1m"),
                r.flag("sync"),
                r.duration("poll-min-interval", "10s"),
                r.duration("reply-likely-period", "6m"),
                r.duration("rate-window", "15m"),
                r.duration("send-window", "24h"),
                r.duration("rate-limit-margin", "5s"));
        if (!r.problems.isEmpty()) {
            throw new InvalidSettingsException(r.problems);
        }
        return settings;
    }

    /** Collects every problem instead of stopping at the first. */
    private static final class Reader {
        private final Map<String, String> raw;
        private final List<String> problems = new ArrayList<>();

        Reader(Map<String, String> raw) {
            this.raw = raw;
        }

        private Optional<String> value(String name) {
            return Optional.ofNullable(raw.get(name)).map(String::trim).filter(v -> !v.isEmpty());
        }

        String secret(String name, String alias) {
            Optional<String> v = value(name).or(() -> value(alias));
            if (v.isEmpty()) {
                problems.add("setting '" + name + "' (or '" + alias + "') is missing");
            }
            return v.orElse("");
        }

        String text(String name, String fallback) {
            return value(name).orElse(fallback);
        }

        String url(String name, String fallback) {
            String v = text(name, fallback);
            try {
                URI uri = new URI(v);
                String scheme = uri.getScheme();
                if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
                    problems.add("setting '" + name + "' must be an http(s) URL: '" + v + "'");
                }
            } catch (URISyntaxException e) {
                problems.add("setting '" + name + "' is not a URL: '" + v + "'");
            }
            return v.endsWith("/") ? v : v + "/";
        }

        Duration duration(String name, String fallback) {
            String v = text(name, fallback);
            Optional<Duration> d = Durations.parse(v);
            if (d.isEmpty()) {
                problems.add("setting '" + name + "' is not a positive duration like 500ms, 2s,"
                        + " 1m, 1h or PT2S: '" + v + "'");
            }
            return d.orElse(Duration.ofSeconds(1));
        }

        boolean flag(String name) {
            String v = text(name, "false");
            if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
                problems.add("setting '" + name + "' must be true or false: '" + v + "'");
            }
            return v.equalsIgnoreCase("true");
        }

        int count(String name, int fallback) {
            Optional<String> v = value(name);
            if (v.isEmpty()) {
                return fallback;
            }
            try {
                int n = Integer.parseInt(v.get());
                if (n >= 0) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below with the setting's name
            }
            problems.add("setting '" + name + "' is not a whole number >= 0: '" + v.get() + "'");
            return fallback;
        }
    }
}
