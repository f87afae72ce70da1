package casebird.twitter.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads the settings of push on the X Activity API ({@code push}, {@code webhook-url},
 * {@code stream-silence}) and checks what push needs: X API v2, and the app's consumer key
 * and secret even under OAuth 2.0.
 */
final class PushSettings {

    static final Duration MIN_STREAM_SILENCE = Duration.ofSeconds(1);
    static final Duration MAX_STREAM_SILENCE = Duration.ofMinutes(5);
    private static final String WHY_CONSUMER = "push needs the X app's consumer key and secret"
            + " (API key pair) even under auth=oauth2: X signs deliveries and CRC checks with"
            + " the consumer secret, and the app-only Bearer token that manages subscriptions,"
            + " webhooks and the stream comes from that pair";

    private PushSettings() {}

    static PluginSettings.Push read(SettingsReader r, ApiChoice choice,
            Optional<PluginSettings.Credentials> credentials, Optional<String> webhookEnv,
            Duration reconcileInterval, Duration pushSilence, Duration deliveryMaxAge) {
        PushMode mode = r.oneOf("push", "off", "stream", "webhook")
                .map(w -> PushMode.valueOf(w.toUpperCase(java.util.Locale.ROOT)))
                .orElse(PushMode.OFF);
        Optional<URI> webhookUrl = webhookUrl(r);
        Duration streamSilence = r.duration("stream-silence", "20s", MAX_STREAM_SILENCE);
        if (streamSilence.compareTo(MIN_STREAM_SILENCE) < 0) {
            r.problem("setting 'stream-silence' must be at least 1s: X sends a keep-alive"
                    + " only every 20s");
        }
        Optional<PluginSettings.ConsumerPair> consumer = credentials.map(c ->
                new PluginSettings.ConsumerPair(c.consumerKey(), c.consumerSecret()));
        if (mode != PushMode.OFF && choice.version() != ApiChoice.Version.V2) {
            r.problem("setting 'push' is " + mode.word() + ", which needs api=v2 (the X"
                    + " Activity API); under api=v1.1 push DMs with webhook-env (the Account"
                    + " Activity API, ending 2027-01-01), or set api=v2");
        } else if (mode != PushMode.OFF && consumer.isEmpty()) {
            String key = r.required("consumer-key", "oauth.consumerKey", WHY_CONSUMER);
            String secret = r.required("consumer-secret", "oauth.consumerSecret",
                    WHY_CONSUMER);
            consumer = Optional.of(new PluginSettings.ConsumerPair(key, secret));
        }
        if (mode == PushMode.OFF && webhookUrl.isPresent()) {
            r.problem("setting 'webhook-url' is set but push is off: set push=webhook to use"
                    + " it");
        }
        return new PluginSettings.Push(webhookEnv, reconcileInterval, pushSilence,
                deliveryMaxAge, mode, webhookUrl, streamSilence, consumer);
    }

    private static Optional<URI> webhookUrl(SettingsReader r) {
        Optional<String> v = r.optional("webhook-url", ".*", "a URL");
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(v.get());
            if (uri.getHost() == null || !("https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()))) {
                r.problem("setting 'webhook-url' must be the public https URL X should post"
                        + " DMs to, like https://crm.example.com/plugins/casebird-twitter/"
                        + "twitter/webhook: '" + v.get() + "'");
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            r.problem("setting 'webhook-url' is not a URL (" + e.getReason() + "): '"
                    + v.get() + "'");
            return Optional.empty();
        }
    }
}
