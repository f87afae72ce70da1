package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.GroupEvent;
import casebird.harness.twitter.TwitterAccount;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The queue-room statements against a world's fake, with no plugin started: the bot's
 * groups are made over HTTP as the plugin would, and the statements find the queue's room
 * through the CRM's queue members and their handle fields.
 */
class RoomStatementsTest {

    private static final Path NO_PLUGIN = Path.of("no-plugin-is-started.zip");
    private static final String SETUP = String.join("\n",
            "user alice twitter=@alice_t queues=Support",
            "twitter @bob_t",
            "user bob twitter=bob_t queues=Support",
            "user carol twitter=@carol_t queues=Billing");

    private final HttpClient http = HttpClient.newHttpClient();
    private World world;
    private Expectations expectations;

    private void create(ApiVersion api, String setup) throws Exception {
        world = World.create(NO_PLUGIN, api);
        expectations = new Expectations(world);
        run(setup);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private void run(String statements) throws Exception {
        for (Step step : ScenarioParser.parse("t.scenario", statements).steps()) {
            new StepExecutor(world, new Reporter() { }).run(step);
        }
    }

    private void check(String expectation) throws Exception {
        expectations.check(ScenarioParser.parse("t", expectation).steps().get(0));
    }

    private StepFailure failure(String expectation) {
        return assertThrows(StepFailure.class, () -> check(expectation));
    }

    /** Creates a group as the bot, over HTTP; the answer's status. */
    private int botCreatesGroup(String text, String... names) throws Exception {
        String ids = List.of(names).stream().map(n -> "\"" + world.account(n).id() + "\"")
                .collect(Collectors.joining(","));
        return botPosts("dm_conversations", "{\"conversation_type\":\"Group\","
                + "\"participant_ids\":[" + ids + "],\"message\":{\"text\":\"" + text + "\"}}");
    }

    private int botPosts(String path, String json) throws Exception {
        String token = world.twitter().v2().oauth2().grants().issue(world.bot().id(),
                Set.of("dm.read", "dm.write", "tweet.read", "users.read")).accessToken();
        HttpRequest post = HttpRequest.newBuilder(world.twitter().v2().baseUrl().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void refusesGroupsMakesTheFakeRefuseGroupsNamingTheAccountButNotOneToOneDms()
            throws Exception {
        create(ApiVersion.V2, SETUP + "\ntwitter @dee refuses=groups");
        TwitterAccount dee = world.account("dee");

        assertEquals(403, botCreatesGroup("New case 1234", "alice_t", "dee"));
        assertEquals(201, botPosts("dm_conversations/with/" + dee.id() + "/messages",
                "{\"text\":\"New case 1234\"}"));
        assertTrue(world.twitter().v2().groups().isEmpty());
    }

    @Test
    void expectDmInAQueueMatchesTheBotsMessageInItsRoomOnce() throws Exception {
        create(ApiVersion.V2, SETUP);
        botCreatesGroup("New case 1234: Printer on fire", "alice_t", "bob_t");

        assertDoesNotThrow(() -> check("expect dm in Support ~ \"new case 1234\" within 1s"));
        assertDoesNotThrow(() -> check("expect dms in Support 1"));
        StepFailure again = failure("expect dm in Support ~ \"new case 1234\" within 200ms");
        assertTrue(again.getMessage().contains("(already matched) \"New case 1234"),
                again.getMessage());
        assertDoesNotThrow(() -> check("expect no dm in Support ~ \"1235\" within 200ms"));
        botPosts("dm_conversations/" + world.twitter().v2().groups().get(0).id()
                + "/messages", "{\"text\":\"Case 1234 accepted by alice\"}");
        StepFailure seen = failure("expect no dm in Support ~ \"accepted\" within 200ms");
        assertTrue(seen.getMessage().contains("@alice_t, @bob_t"), seen.getMessage());
    }

    @Test
    void roomMessagesDoNotCountAsOneToOneDms() throws Exception {
        create(ApiVersion.V2, SETUP);
        botCreatesGroup("New case 1234", "alice_t", "bob_t");

        assertDoesNotThrow(() -> check("expect dms to @alice_t 0"));
        assertDoesNotThrow(() -> check("expect no dm to @alice_t within 200ms"));
        StepFailure none = failure("expect dm to @bob_t ~ \"new case\" within 200ms");
        assertTrue(none.getMessage().contains("@bob_t got no DM from the bot"),
                none.getMessage());
    }

    @Test
    void theRoomIsTheNewestWhoseMembersAreAllLinkedToTheQueuesCurrentMembers()
            throws Exception {
        create(ApiVersion.V2, SETUP);
        botCreatesGroup("old room", "alice_t", "bob_t");
        run("user erin twitter=@erin_t queues=Support");
        botCreatesGroup("new room", "alice_t", "bob_t", "erin_t");
        botCreatesGroup("mixed room", "alice_t", "carol_t");

        assertDoesNotThrow(() -> check("expect dm in Support ~ \"new room\" within 1s"));
        assertDoesNotThrow(() -> check("expect no dm in Support ~ \"old|mixed\" within 200ms"));
        assertDoesNotThrow(() -> check("expect dm in Billing ~ \"mixed room\" within 1s"),
                "with no room of members only, the newest holding a member is the room");
    }

    @Test
    void dmInAQueuePostsAsTheMemberAndTheBotSeesIt() throws Exception {
        create(ApiVersion.V2, SETUP);
        botCreatesGroup("New case 1234", "alice_t", "bob_t");

        GroupEvent posted = new QueueRooms(world).post("alice_t", "Support", "accept 1234");
        StepFailure stranger = assertThrows(StepFailure.class,
                () -> new QueueRooms(world).post("carol_t", "Support", "accept 1234"));

        assertEquals(world.account("alice_t").id(), posted.senderId());
        assertTrue(world.twitter().v2().groupEvents().contains(posted));
        assertTrue(stranger.getMessage().contains("refused @carol_t's message in Support"),
                stranger.getMessage());
    }

    @Test
    void aQueueWithoutARoomYetFailsSayingSo() throws Exception {
        create(ApiVersion.V2, SETUP);

        StepFailure count = failure("expect dms in Support 0");
        StepFailure post = assertThrows(StepFailure.class,
                () -> new QueueRooms(world).post("alice_t", "Support", "accept 1234"));

        assertTrue(count.getMessage().contains("Support has no room yet"), count.getMessage());
        assertTrue(count.getMessage().contains("@alice_t, @bob_t"), count.getMessage());
        assertTrue(post.getMessage().contains("Support has no room yet"), post.getMessage());
    }

    @Test
    void roomStatementsUnderV11FailSayingRoomsNeedV2() throws Exception {
        create(ApiVersion.V1_1, SETUP);

        StepFailure e = failure("expect dm in Support ~ \"new case\" within 200ms");

        assertTrue(e.getMessage().contains("queue rooms are group conversations of X API v2"),
                e.getMessage());
        assertTrue(e.getMessage().contains("api v1.1"), e.getMessage());
    }
}
