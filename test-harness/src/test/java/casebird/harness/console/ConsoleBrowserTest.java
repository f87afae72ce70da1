package casebird.harness.console;

import static casebird.harness.console.HeadlessChromium.awaitPage;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.World;
import casebird.harness.twitter.Endpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Headless Chromium on the console of a served world: the seed's story, told from the page.
 * Leaves a screenshot of the page after the story in {@code target/console-after-seed-story.png}.
 */
class ConsoleBrowserTest {

    private static final Path SEED_STORY =
            Path.of("src/test/resources/scenarios/seed-story.scenario");
    private static final Path TARGET = Path.of("target");

    @TempDir
    Path profile;
    private ChromeDriver page;
    private World world;
    private ConsoleServer console;

    /** Chromium first, so that a machine without it skips before building a world. */
    @BeforeEach
    void serveTheSeedStory() throws Exception {
        page = HeadlessChromium.start(profile, 1600, 1300);
        ScenarioRunner runner =
                new ScenarioRunner(SimulatedHost.findPluginZip(), new Reporter() { });
        world = runner.prepare(ScenarioParser.parse(SEED_STORY), w -> { });
        console = ConsoleServer.start(world, new SecureRandom(), Clock.systemUTC());
        page.get(console.url().toString());
    }

    @AfterEach
    void stop() {
        if (page != null) {
            page.quit();
        }
        if (console != null) {
            console.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aDmSentFromThePageGetsTheBotsReplyAndMovesTheCaseOnTheBoard() throws Exception {
        // Given the served story up to its first DM: case 1234 dispatched to Support.
        awaitPage("case 1234 dispatched", () -> caseIn("dispatched", 1234));
        awaitPage("the notice to @alice_t", () -> botSaid("alice_t", "New case 1234"));

        // When alice accepts it from the page.
        sendDm("alice_t", "accept 1234");

        // Then the bot answers her and the case moves to accepted, hers.
        awaitPage("the bot's reply to alice", () -> botSaid("alice_t", "Accepted case 1234"));
        awaitPage("case 1234 accepted by alice", () -> caseIn("accepted", 1234)
                && card(1234).getText().contains("alice"));
        awaitPage("the notice to @bob_t", () -> botSaid("bob_t", "accepted by alice"));

        tellTheRestOfTheStory();
        Files.write(TARGET.resolve("console-after-seed-story.png"),
                page.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aCaseMadeDispatchedAndAFaultInjectedFromThePageTakeEffect() throws Exception {
        // Given the served story, when the next send fails, a new case is made by a
        // statement and the dispatch form sends it to Support.
        submit("fault-form", "fault-text", "dm-send status=503 times=1");
        submit("statement-form", "statement-text", "case 1235 \"Fax jammed\"");
        awaitPage("the new case 1235, open", () -> caseIn("open", 1235));
        page.findElement(By.cssSelector("#dispatch-case option[value='1235']")).click();
        page.findElement(By.cssSelector("#dispatch-queue option[value='Support']")).click();
        page.findElement(By.cssSelector("#dispatch-form button[type=submit]")).click();

        // Then the case moves, its notice arrives after a send the fault failed.
        awaitPage("case 1235 dispatched", () -> caseIn("dispatched", 1235));
        awaitPage("the notice of case 1235", () -> botSaid("alice_t", "New case 1235"));
        assertTrue(world.twitter().calls().stream().anyMatch(call -> call.status() == 503
                && call.endpoint().equals(Optional.of(Endpoint.DM_SEND))),
                "no dm-send call answered 503");
    }

    /**
     * The seed story's remaining DMs, each sent from the page (the last by keyboard alone),
     * and what each must show.
     */
    private void tellTheRestOfTheStory() throws InterruptedException {
        sendDm("alice_t", "log 1234 called the customer");
        awaitPage("alice's note on the card",
                () -> card(1234).getText().contains("called the customer"));
        sendDm("alice_t", "close 1234 replaced the toner");
        awaitPage("case 1234 closed", () -> caseIn("closed", 1234));
        typeDm("bob_t", "what?").sendKeys(Keys.ENTER);
        awaitPage("the help the bot sends bob", () -> botSaid("bob_t", "accept <case>"));
        awaitPage("the audit line of the close", () -> page.findElement(By.id("audit")).getText()
                .contains("verb=close case=1234 outcome="));
        awaitPage("the plugin's credentials accepted", () -> page.findElement(By.id("health"))
                .getText().contains("accepted"));
    }

    /** Types the text into the form's field and submits the form with its button. */
    private void submit(String form, String field, String text) {
        WebElement input = page.findElement(By.id(field));
        input.clear();
        input.sendKeys(text);
        page.findElement(By.cssSelector("#" + form + " button[type=submit]")).click();
    }

    private void sendDm(String account, String text) {
        typeDm(account, text);
        page.findElement(By.cssSelector("#dm-form button[type=submit]")).click();
    }

    /** Picks the sender and types the message, leaving the focus in the message field. */
    private WebElement typeDm(String account, String text) {
        page.findElement(By.cssSelector("#dm-from option[value='" + account + "']")).click();
        WebElement message = page.findElement(By.id("dm-text"));
        message.clear();
        message.sendKeys(text);
        return message;
    }

    private boolean botSaid(String account, String text) {
        return page.findElements(By.cssSelector(
                ".conversation[data-account='" + account + "'] .msg.from-bot .text")).stream()
                .anyMatch(m -> m.getText().contains(text));
    }

    private boolean caseIn(String status, long caseId) {
        return !page.findElements(By.cssSelector(".column[data-status='" + status
                + "'] .card[data-case='" + caseId + "']")).isEmpty();
    }

    private WebElement card(long caseId) {
        return page.findElement(By.cssSelector(".card[data-case='" + caseId + "']"));
    }
}
