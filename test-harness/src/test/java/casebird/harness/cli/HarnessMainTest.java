package casebird.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.scenario.ApiVersion;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HarnessMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int main(String... args) throws Exception {
        return new HarnessMain(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpPrintsUsageAndSucceeds() throws Exception {
        assertEquals(0, main("--help"));
        assertTrue(out().contains("run FILE..."), out());
        assertTrue(out().contains("serve [FILE]"), out());
        assertTrue(out().contains("bench [--quick]"), out());
    }

    @Test
    void benchRefusesAnUnknownArgument() throws Exception {
        assertEquals(2, main("bench", "--fast"));
        assertTrue(err().contains("bench takes no argument but --quick"), err());
    }

    @Test
    void noCommandPrintsUsageAndFails() throws Exception {
        assertEquals(2, main());
        assertTrue(err().contains("usage:"), err());
    }

    @Test
    void unknownCommandIsNamed() throws Exception {
        assertEquals(2, main("frobnicate"));
        assertTrue(err().contains("unknown command 'frobnicate'"), err());
    }

    @Test
    void aFileThatDoesNotParseRunsNothingAndExitsTwo(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.scenario"), "settle\n");
        Path bad = Files.writeString(dir.resolve("bad.scenario"), "settle\nexpect dm @a\n");
        assertEquals(2, main("run", good.toString(), bad.toString()));
        assertTrue(err().contains("bad.scenario:2:11: expected 'to'"), err());
        assertEquals("", out(), "no file runs when one does not parse");
    }

    @Test
    void missingFileIsNamed() throws Exception {
        assertEquals(2, main("run", "no-such.scenario"));
        assertTrue(err().contains("no-such.scenario: no such file"), err());
    }

    @Test
    void runPrintsEachStepAndTheCount(@TempDir Path dir) throws Exception {
        Path passing = Files.writeString(dir.resolve("pass.scenario"), String.join("\n",
                "user alice twitter=@alice_t queues=Support",
                "dm @alice_t \"help\"",
                "expect dm to @alice_t ~ \"accept\""));
        Path failing = Files.writeString(dir.resolve("fail.scenario"), String.join("\n",
                "user alice twitter=@alice_t queues=Support",
                "case 1 \"Broken\"",
                "expect case 1 status=closed within 1s"));
        assertEquals(1, main("run", passing.toString(), failing.toString()));
        assertTrue(out().contains("ok         3  expect dm to @alice_t ~ \"accept\""), out());
        assertTrue(out().contains("FAILED     3  expect case 1 status=closed within 1s"), out());
        assertTrue(out().contains("expected case 1 status=closed but it is status=open"), out());
        assertTrue(out().endsWith("1 passed, 1 failed" + System.lineSeparator()), out());
    }

    @Test
    void runWithHealthPrintsThePluginsLastReportAfterEachFile(@TempDir Path dir)
            throws Exception {
        Path file = Files.writeString(dir.resolve("health.scenario"), String.join("\n",
                "user alice twitter=@alice_t queues=Support",
                "dm @alice_t \"help\"",
                "expect dm to @alice_t ~ \"accept\""));

        assertEquals(0, main("run", "--health", file.toString()));

        assertTrue(out().contains("plugin health: credentials accepted: Twitter accepted the"
                + " credentials of @casebird"), out());
        assertTrue(out().contains("outbox backlog: 0"), out());
        assertTrue(out().contains("direct_messages/events/list "), out());
    }

    @Test
    void demoTellsTheSeedsStoryAsAChat() throws Exception {
        assertEquals(0, main("demo"), err());
        String chat = out();
        assertTrue(chat.contains("@casebird -> @alice_t"), chat);
        assertTrue(chat.contains("New case 1234: Printer on fire"), chat);
        assertTrue(chat.contains("@alice_t -> @casebird"), chat);
        assertTrue(chat.contains("[CRM]"), chat);
        assertTrue(chat.contains("The story held"), chat);
    }

    @Test
    void runHelpDocumentsApiAndItsDefault() throws Exception {
        assertEquals(0, main("run", "--help"));
        assertTrue(out().contains("--api VERSION"), out());
        assertTrue(out().contains("(default: " + ApiVersion.DEFAULT.word() + ")"), out());
    }

    @Test
    void anUnknownApiIsBadInput() throws Exception {
        assertEquals(2, main("run", "--api", "v3", "any.scenario"));
        assertTrue(err().contains("'v3' is not an X API: write v1.1 or v2"), err());
    }

    @Test
    void runUnderApiV11RefusesOAuth2ForAFileNamingNoApi(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("oauth2.scenario"), "auth oauth2\nsettle");

        assertEquals(1, main("run", "--api", "v1.1", file.toString()));

        assertTrue(out().contains("'auth oauth2' needs 'api v2'"), out());
    }

    @Test
    void runUnderApiV2TakesOAuth2ForAFileNamingNoApi(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("oauth2.scenario"), "auth oauth2\nsettle");

        main("run", "--api", "v2", file.toString());

        assertTrue(out().contains("1  auth oauth2"), out());
        assertFalse(out().contains("needs 'api v2'"), out());
    }
}
