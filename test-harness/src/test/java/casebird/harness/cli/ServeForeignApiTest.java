package casebird.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.scenario.ForeignApi;
import casebird.harness.scenario.World;
import casebird.harness.twitter.DirectMessage;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code serve --twitter-api URL --credentials FILE}: the host and CRM of a scenario against
 * an X API that is not the world's fake (here a fake started apart, as x.com would be).
 */
class ServeForeignApiTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private FakeTwitterApi x;
    private TwitterAccount alice;
    private Path credentials;
    private Path dir;

    @BeforeEach
    void startForeignX(@TempDir Path dir) throws Exception {
        this.dir = dir;
        x = FakeTwitterApi.start(Clock.systemUTC());
        TwitterAccount bot = x.createAccount("casebird_test");
        alice = x.createAccount("alice_x");
        credentials = Files.writeString(dir.resolve("x.properties"), String.join("\n", "api=v1.1", "auth=oauth1",
                "consumer-key=" + x.consumerKey(), "consumer-secret=" + x.consumerSecret(),
                "access-token=" + bot.accessToken(),
                "access-token-secret=" + bot.accessTokenSecret()));
    }

    @AfterEach
    void stopForeignX() {
        x.close();
    }

    @Test
    void theScenariosCrmNotifiesItsAgentsThroughTheForeignApi() throws Exception {
        Path scenario = scenario("user alice twitter=@alice_x queues=Support",
                "rule R1 on case-dispatched queue=Support do twitter.send-dm"
                        + " to=queue-members template=\"New case {case.id}: {case.title}\"",
                "case 1234 \"Printer on fire\"",
                "dispatch 1234 to Support");
        Serve serve = serve("--twitter-api", x.baseUrl().toString(),
                "--credentials", credentials.toString(), scenario.toString());
        Optional<ForeignApi> foreign = serve.foreignApi();

        try (World world = serve.build(serve.scenario(true).orElseThrow(), foreign)
                .orElseThrow(() -> new AssertionError(err()))) {
            serve.printWhereToReach(world, foreign);

            assertTrue(awaitDmTo(alice, "New case 1234: Printer on fire"), x.messages()
                    .toString());
            assertTrue(world.twitter().calls().isEmpty(), world.twitter().calls().toString());
            assertTrue(out().contains("The plugin calls the X API at " + x.baseUrl()), out());
            assertTrue(out().contains("access-token-secret"), out());
            assertFalse(out().contains(x.consumerSecret()), out());
        }
    }

    @Test
    void statementsThatActOnTheFakeAreRefusedByLine() throws Exception {
        Path scenario = scenario("user alice twitter=@alice_x queues=Support",
                "fault dm-send status=503",
                "dm @alice_x \"help\"",
                "expect case 1 status=open",
                "expect dm to @alice_x ~ \"accept\"");

        int status = new HarnessMain(print(out), print(err)).execute(new String[] {"serve",
            "--twitter-api", x.baseUrl().toString(), "--credentials", credentials.toString(),
            scenario.toString()});

        assertEquals(2, status);
        assertTrue(err().contains("line 2: fault dm-send status=503\n  line 3: dm @alice_x"
                + " \"help\"\n  line 5: expect dm to @alice_x ~ \"accept\""), err());
        assertFalse(err().contains("line 4"), err());
    }

    @Test
    void twitterApiWithoutCredentialsIsBadInput() throws Exception {
        int status = new HarnessMain(print(out), print(err)).execute(new String[] {"serve",
            "--twitter-api", x.baseUrl().toString()});

        assertEquals(2, status);
        assertTrue(err().contains("--twitter-api and --credentials go together"), err());
    }

    private boolean awaitDmTo(TwitterAccount account, String text) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (x.messagesOf(account.id()).stream().map(DirectMessage::text)
                    .anyMatch(text::equals)) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private Serve serve(String... args) {
        Serve serve = new Serve(new HarnessMain(print(out), print(err)));
        new CommandLine(serve).parseArgs(args);
        return serve;
    }

    private Path scenario(String... lines) throws Exception {
        return Files.writeString(dir.resolve("served.scenario"), String.join("\n", lines));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
