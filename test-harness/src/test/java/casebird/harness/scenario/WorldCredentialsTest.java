package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What serve prints for a client under each API, read from a world with no plugin. */
class WorldCredentialsTest {

    private static final Pattern OAUTH2_TOKEN = Pattern.compile(
            "OAuth 2\\.0 access token (\\S+)  refresh token (\\S+)");

    private World world;
    private TwitterAccount alice;

    @BeforeEach
    void create() throws Exception {
        world = World.create(Path.of("no-plugin-is-started.zip"), ApiVersion.V1_1);
        world.bot();
        alice = world.twitter().createAccount("alice_t");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void underV1EveryAccountsOAuth1KeysAndNoOAuth2() {
        String out = String.join("\n", WorldCredentials.lines(world));

        assertTrue(out.contains("consumer secret: " + world.twitter().consumerSecret()), out);
        assertTrue(out.contains("token " + alice.accessToken() + "  secret "
                + alice.accessTokenSecret()), out);
        assertTrue(out.contains("recipient_id " + world.bot().id() + ") as any account"), out);
        assertFalse(out.contains("OAuth 2.0"), out);
    }

    @Test
    void underV2TheClientAndAWorkingOAuth2TokenForEachAccountBesideItsOAuth1Keys() {
        world.useApi(ApiVersion.V2);

        List<String> lines = WorldCredentials.lines(world);

        String out = String.join("\n", lines);
        assertTrue(out.contains("OAuth 2.0 client id:     "
                + world.twitter().v2().oauth2().clientId()), out);
        assertTrue(out.contains("OAuth 2.0 client secret: "
                + world.twitter().v2().oauth2().clientSecret()), out);
        for (TwitterAccount account : world.twitter().accounts()) {
            int keys = indexOf(lines, "token " + account.accessToken());
            Matcher token = OAUTH2_TOKEN.matcher(lines.get(keys + 1));
            assertTrue(token.find(), lines.get(keys + 1));
            OAuth2Grants grants = world.twitter().v2().oauth2().grants();
            assertEquals(account.id(), grants.access(token.group(1)).orElseThrow().accountId()
                    .getAsLong());
            assertTrue(grants.access(token.group(1)).orElseThrow().scopes().contains("dm.write"));
        }
        assertTrue(out.contains("dm_conversations/with/" + world.bot().id() + "/messages"), out);
    }

    @Test
    void underV2WhereToPushThroughTheXActivityApi() {
        world.useApi(ApiVersion.V2);

        String out = String.join("\n", WorldCredentials.lines(world));

        String base = world.twitter().v2().baseUrl().toString();
        assertTrue(out.contains("POST " + world.twitter().v2().baseUrl().resolve("/oauth2/token")
                + " (grant_type=client_credentials"), out);
        assertTrue(out.contains(base + "activity/subscriptions"), out);
        assertTrue(out.contains(base + "activity/stream"), out);
        assertTrue(out.contains(base + "webhooks"), out);
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError("no line holds " + text + ": " + lines);
    }
}
