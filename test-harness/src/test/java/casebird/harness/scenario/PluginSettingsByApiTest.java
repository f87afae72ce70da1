package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.FenceableRoute;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The settings a world hands its plugin under each API and auth, before any plugin runs. */
class PluginSettingsByApiTest {

    private static final Set<String> OAUTH1_KEYS = Set.of("consumer-key", "consumer-secret",
            "access-token", "access-token-secret");
    private static final Set<String> OAUTH2_KEYS = Set.of("client-id", "client-secret",
            "oauth2-refresh-token");

    private static final Path NO_PLUGIN = Path.of("no-plugin-is-started.zip");

    private World world;
    private FenceableRoute route;

    @BeforeEach
    void create() throws Exception {
        world = World.create(NO_PLUGIN, ApiVersion.V1_1);
        route = FenceableRoute.open(world.twitter().baseUrl());
    }

    @AfterEach
    void close() {
        route.close();
        world.close();
    }

    private String routeRoot() {
        return "http://127.0.0.1:" + route.rebase(world.twitter().baseUrl()).getPort() + "/";
    }

    @Test
    void v1WithOAuth1HandsTheFourKeysAndTheV1BaseThroughTheRoute() {
        Map<String, String> settings = world.pluginSettings(route);

        assertEquals(new ApiChoice(ApiVersion.V1_1, AuthScheme.OAUTH1), world.apiChoice());
        assertTrue(settings.keySet().containsAll(OAUTH1_KEYS), settings.keySet()::toString);
        assertEquals(world.bot().accessToken(), settings.get("access-token"));
        assertEquals(world.twitter().consumerKey(), settings.get("consumer-key"));
        assertEquals(routeRoot() + "1.1/", settings.get("api-base-url"));
        assertTrue(OAUTH2_KEYS.stream().noneMatch(settings::containsKey));
        assertEquals("v1.1", settings.get("api"));
        assertEquals("oauth1", settings.get("auth"));
    }

    @Test
    void v2DefaultsToOAuth2WithARefreshTokenTheBotAuthorizedWithEveryBotScope() {
        world.useApi(ApiVersion.V2);

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("v2", settings.get("api"));
        assertEquals("oauth2", settings.get("auth"));
        assertEquals("casebird", settings.get("bot-account"));
        assertEquals(world.twitter().v2().oauth2().clientId(), settings.get("client-id"));
        assertEquals(world.twitter().v2().oauth2().clientSecret(), settings.get("client-secret"));
        assertEquals(routeRoot(), settings.get("api-base-url"));
        assertTrue(OAUTH1_KEYS.stream().noneMatch(settings::containsKey), settings::toString);
        OAuth2Grants.Tokens refreshed = world.twitter().v2().oauth2().grants()
                .refresh(settings.get("oauth2-refresh-token"));
        assertEquals(Set.of("dm.read", "dm.write", "tweet.read", "users.read",
                "offline.access"), refreshed.scopes());
        assertEquals(world.bot().id(), world.twitter().v2().oauth2().grants()
                .access(refreshed.accessToken()).orElseThrow().accountId().getAsLong());
    }

    @Test
    void everyInstanceGetsTheSameSeedAsAnAdminPastesItOnce() {
        world.useApi(ApiVersion.V2);

        String first = world.pluginSettings(route).get("oauth2-refresh-token");
        String second = world.pluginSettings(route).get("oauth2-refresh-token");

        assertEquals(first, second);
        assertEquals(2, world.settingsHandedOut().size());
    }

    @Test
    void v2WithOAuth1HandsTheFourKeysAndTheV2Base() {
        world.useApi(ApiVersion.V2);
        world.useAuth(AuthScheme.OAUTH1);

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("v2", settings.get("api"));
        assertEquals("oauth1", settings.get("auth"));
        assertTrue(settings.keySet().containsAll(OAUTH1_KEYS));
        assertTrue(OAUTH2_KEYS.stream().noneMatch(settings::containsKey));
        assertEquals(routeRoot(), settings.get("api-base-url"));
        assertNotEquals(URI.create(settings.get("api-base-url")).getPort(),
                world.twitter().baseUrl().getPort());
    }

    @Test
    void oauth2UnderV1IsRefusedWhateverTheOrderOfStatements() {
        world.useAuth(AuthScheme.OAUTH2);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> world.pluginSettings(route));
        assertTrue(e.getMessage().contains("'auth oauth2' needs 'api v2'"), e.getMessage());
        world.useApi(ApiVersion.V2);
        assertEquals(new ApiChoice(ApiVersion.V2, AuthScheme.OAUTH2), world.apiChoice());
    }

    @Test
    void pushUnderV2HandsTheWebhookModeAndTheConsumerPairUnderOAuth2() {
        world.useApi(ApiVersion.V2);
        world.enablePush();

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("webhook", settings.get("push"));
        assertEquals(world.twitter().consumerKey(), settings.get("consumer-key"));
        assertEquals(world.twitter().consumerSecret(), settings.get("consumer-secret"));
        assertTrue(settings.keySet().containsAll(OAUTH2_KEYS), settings.keySet()::toString);
        assertEquals("15s", settings.get("reconcile-interval"));
        assertTrue(Set.of("webhook-env", "push-silence", "stream-silence").stream()
                .noneMatch(settings::containsKey), settings.keySet()::toString);
    }

    @Test
    void theStreamHandsItsModeSilenceAndConsumerPair() {
        world.useApi(ApiVersion.V2);
        world.enableStream();

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("stream", settings.get("push"));
        assertEquals("3s", settings.get("stream-silence"));
        assertEquals(world.twitter().consumerSecret(), settings.get("consumer-secret"));
        assertTrue(!settings.containsKey("webhook-env"), settings.keySet()::toString);
    }

    @Test
    void pushUnderV1KeepsTheAccountActivityEnvironment() {
        world.enablePush();

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("casebird", settings.get("webhook-env"));
        assertTrue(!settings.containsKey("push"), settings.keySet()::toString);
    }

    @Test
    void theStreamNeedsV2AndExcludesTheWebhook() {
        world.enableStream();
        IllegalStateException v1 = assertThrows(IllegalStateException.class,
                () -> world.pluginSettings(route));
        assertTrue(v1.getMessage().contains("'delivery stream' needs 'api v2'"), v1.getMessage());

        world.useApi(ApiVersion.V2);
        world.enablePush();
        IllegalStateException both = assertThrows(IllegalStateException.class,
                () -> world.pluginSettings(route));
        assertTrue(both.getMessage().contains("exclude each other"), both.getMessage());
    }

    @Test
    void aWorldWithoutAChoiceSpeaksTheDefaultApi() throws Exception {
        try (World plain = World.create(NO_PLUGIN)) {
            assertEquals(ApiVersion.DEFAULT, plain.apiChoice().api());
            assertEquals(AuthScheme.defaultFor(ApiVersion.DEFAULT), plain.apiChoice().auth());
        }
    }

    @Test
    void aResumedWorldKeepsItsApiAuthAndSeed(@TempDir Path folder) throws Exception {
        String seed;
        try (World first = World.open(NO_PLUGIN, folder, ApiVersion.V1_1);
                FenceableRoute firstRoute = FenceableRoute.open(first.twitter().baseUrl())) {
            first.useApi(ApiVersion.V2);
            seed = first.pluginSettings(firstRoute).get("oauth2-refresh-token");
        }

        try (World resumed = World.open(NO_PLUGIN, folder, ApiVersion.V1_1);
                FenceableRoute again = FenceableRoute.open(resumed.twitter().baseUrl())) {
            assertEquals(new ApiChoice(ApiVersion.V2, AuthScheme.OAUTH2), resumed.apiChoice());
            assertEquals(seed, resumed.pluginSettings(again).get("oauth2-refresh-token"));
            OAuth2Grants grants = resumed.twitter().v2().oauth2().grants();
            assertEquals(resumed.bot().id(), grants.access(grants.refresh(seed).accessToken())
                    .orElseThrow().accountId().getAsLong());
        }
    }
}
