package casebird.twitter.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PushSettingsTest {

    private static Map<String, String> oauth2() {
        return new HashMap<>(Map.of("client-id", "cid", "client-secret", "csecret",
                "bot-account", "casebird_bot"));
    }

    private static List<String> problems(Map<String, String> raw) {
        return assertThrows(InvalidSettingsException.class, () -> PluginSettings.from(raw))
                .problems();
    }

    @Test
    void pushIsOffByDefaultWithATwentySecondStreamSilence() {
        PluginSettings.Push push = PluginSettings.from(oauth2()).push();

        assertEquals(PushMode.OFF, push.mode());
        assertEquals(Duration.ofSeconds(20), push.streamSilence());
        assertEquals(Optional.empty(), push.webhookUrl());
    }

    @Test
    void streamUnderOAuth2TakesTheConsumerPair() {
        Map<String, String> raw = oauth2();
        raw.putAll(Map.of("push", "stream", "consumer-key", "ck", "consumer-secret", "cs",
                "stream-silence", "3s"));

        PluginSettings.Push push = PluginSettings.from(raw).push();

        assertEquals(PushMode.STREAM, push.mode());
        assertEquals(Duration.ofSeconds(3), push.streamSilence());
        assertEquals(new PluginSettings.ConsumerPair("ck", "cs"), push.consumer().orElseThrow());
    }

    @Test
    void webhookUnderOAuth1UsesItsKeysAndTheGivenUrl() {
        Map<String, String> raw = new HashMap<>(Map.of("auth", "oauth1", "consumer-key", "ck",
                "consumer-secret", "cs", "access-token", "at", "access-token-secret", "ats",
                "push", "webhook", "webhook-url", "https://crm.example.com/hook"));

        PluginSettings.Push push = PluginSettings.from(raw).push();

        assertEquals(PushMode.WEBHOOK, push.mode());
        assertEquals(URI.create("https://crm.example.com/hook"), push.webhookUrl().orElseThrow());
        assertEquals("cs", push.consumer().orElseThrow().secret());
    }

    @Test
    void pushWithoutTheConsumerPairSaysWhyItIsNeeded() {
        Map<String, String> raw = oauth2();
        raw.put("push", "stream");

        List<String> problems = problems(raw);

        assertEquals(2, problems.size(), problems.toString());
        assertEquals("setting 'consumer-key' (or 'oauth.consumerKey') is missing: push needs"
                + " the X app's consumer key and secret (API key pair) even under auth=oauth2:"
                + " X signs deliveries and CRC checks with the consumer secret, and the"
                + " app-only Bearer token that manages subscriptions, webhooks and the stream"
                + " comes from that pair", problems.get(0));
    }

    @Test
    void pushUnderV11PointsToWebhookEnv() {
        Map<String, String> raw = new HashMap<>(Map.of("api", "v1.1", "consumer-key", "ck",
                "consumer-secret", "cs", "access-token", "at", "access-token-secret", "ats",
                "push", "stream"));

        assertEquals(List.of("setting 'push' is stream, which needs api=v2 (the X Activity"
                + " API); under api=v1.1 push DMs with webhook-env (the Account Activity API,"
                + " ending 2027-01-01), or set api=v2"), problems(raw));
    }

    @Test
    void streamSilenceOutsideOneSecondToFiveMinutesIsRefused() {
        Map<String, String> raw = oauth2();
        raw.put("stream-silence", "500ms");
        assertEquals(List.of("setting 'stream-silence' must be at least 1s: X sends a"
                + " keep-alive only every 20s"), problems(raw));

        raw.put("stream-silence", "6m");
        assertEquals(List.of("setting 'stream-silence' must be at most 5m: '6m'"), problems(raw));
    }

    @Test
    void malformedPushWordsAndUrlsAreNamed() {
        Map<String, String> raw = oauth2();
        raw.put("push", "sometimes");
        raw.put("webhook-url", "ftp://example.com/hook");

        assertEquals(List.of("setting 'push' must be off or stream or webhook: 'sometimes'",
                "setting 'webhook-url' must be the public https URL X should post DMs to,"
                        + " like https://crm.example.com/plugins/casebird-twitter/twitter/"
                        + "webhook: 'ftp://example.com/hook'"), problems(raw));
    }
}
