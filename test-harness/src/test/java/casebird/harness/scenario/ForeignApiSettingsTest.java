package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import casebird.harness.host.FenceableRoute;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The settings a world hands its plugin when it calls an X API other than the fake. */
class ForeignApiSettingsTest {

    private static final URI X = URI.create("https://api.x.com/");

    private World world;
    private FenceableRoute route;

    @BeforeEach
    void create() throws Exception {
        world = World.create(Path.of("no-plugin-is-started.zip"), ApiVersion.V2);
        route = FenceableRoute.open(world.twitter().baseUrl());
    }

    @AfterEach
    void close() {
        route.close();
        world.close();
    }

    @Test
    void theFilesSettingsLieOverTheScenariosAndTheBaseUrlIsTheForeignApis() {
        world.useAuth(AuthScheme.OAUTH1);
        world.useForeignApi(new ForeignApi(X, Map.of("auth", "oauth2", "client-id", "cid",
                "client-secret", "secret", "oauth2-refresh-token", "seed",
                "bot-account", "casebird_test", "api-base-url", "http://ignored/")));

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals(Map.of("api", "v2", "auth", "oauth2", "client-id", "cid",
                "client-secret", "secret", "oauth2-refresh-token", "seed",
                "bot-account", "casebird_test", "api-base-url", X.toString()), settings);
    }

    @Test
    void theScenariosChoiceAndBotStandWhereTheFileIsSilent() {
        world.nameBot("helpdesk");
        world.useForeignApi(new ForeignApi(X, Map.of("client-id", "cid")));

        Map<String, String> settings = world.pluginSettings(route);

        assertEquals("v2", settings.get("api"));
        assertEquals("oauth2", settings.get("auth"));
        assertEquals("helpdesk", settings.get("bot-account"));
        assertFalse(settings.containsKey("poll-interval"), settings::toString);
        assertFalse(settings.containsKey("consumer-key"), settings::toString);
    }
}
