package casebird.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.v1.Twitter4jPort;
import casebird.twitter.client.v2.XApiV2Port;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The port the settings choose, and what stopping it closes. */
class ChosenApiTest {

    private static final String NOWHERE = "http://127.0.0.1:9/";

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-30T12:00:00Z"));

    private static Map<String, String> oauth1(String api) {
        return new HashMap<>(Map.of("api", api, "consumer-key", "ck", "consumer-secret", "cs",
                "access-token", "at", "access-token-secret", "ats",
                "api-base-url", NOWHERE + (api.equals("v1.1") ? "1.1/" : "")));
    }

    private static Map<String, String> oauth2() {
        return new HashMap<>(Map.of("client-id", "cid", "client-secret", "csecret",
                "bot-account", "casebird", "oauth2-refresh-token", "seed",
                "api-base-url", NOWHERE));
    }

    private ChosenApi open(Map<String, String> raw, StateStore store) {
        PluginSettings settings = PluginSettings.from(raw);
        PluginAssembly assembly = new PluginAssembly(settings, clock, new Random(1));
        return ChosenApi.open(settings, assembly.budget(), store, clock);
    }

    @Test
    void v1SpeaksThroughTwitter4jWithoutRoutes() {
        try (StateStore store = StateStore.open(dir); ChosenApi api = open(oauth1("v1.1"), store)) {
            assertInstanceOf(Twitter4jPort.class, api.port());
            assertTrue(api.authorizeRoutes().isEmpty());
        }
    }

    @Test
    void v2WithOAuth1SignsV2CallsAndOffersNoAuthorizeRoutes() {
        try (StateStore store = StateStore.open(dir); ChosenApi api = open(oauth1("v2"), store)) {
            assertInstanceOf(XApiV2Port.class, api.port());
            assertTrue(api.authorizeRoutes().isEmpty());
        }
    }

    @Test
    void v2WithOAuth2CarriesBearerTokensAndOffersTheAuthorizeRoutes() {
        try (StateStore store = StateStore.open(dir); ChosenApi api = open(oauth2(), store)) {
            assertInstanceOf(XApiV2Port.class, api.port());
            assertTrue(api.authorizeRoutes().isPresent());
        }
    }

    @Test
    void closeAbortsTheV2ClientSoNoCallReachesTheNetworkAfterStop() {
        try (StateStore store = StateStore.open(dir)) {
            ChosenApi api = open(oauth2(), store);

            api.close();
            TwitterApiException e = assertThrows(TwitterApiException.class,
                    () -> api.port().verifyCredentials());

            assertEquals(-1, e.status());
            assertTrue(e.getMessage().contains("the client is closed"), e.getMessage());
            assertFalse(e.getMessage().contains("seed"), e.getMessage());
        }
    }
}
