package casebird.harness.console;

import static casebird.harness.console.HeadlessChromium.awaitPage;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
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

    @Test
    void aDmSentFromThePageGetsTheBotsReplyAndMovesTheCaseOnTheBoard(@TempDir Path profile)
            throws Exception {
        ChromeDriver page = HeadlessChromium.start(profile, 1600, 1300);
        ScenarioRunner runner =
                new ScenarioRunner(SimulatedHost.findPluginZip(), new Reporter() { });
        try (World world = runner.prepare(ScenarioParser.parse(SEED_STORY), w -> { });
                ConsoleServer console = ConsoleServer.start(world, new SecureRandom(),
                        Clock.systemUTC())) {
            // Given the served story up to its first DM: case 1234 dispatched to Support.
            page.get(console.url().toString());
            awaitPage("case 1234 dispatched", () -> caseIn(page, "dispatched", 1234));
            awaitPage("the notice to @alice_t", () -> botSaid(page, "alice_t", "New case 1234"));

            // When alice accepts it from the page.
            sendDm(page, "alice_t", "accept 1234");

            // Then the bot answers her and the case moves to accepted, hers.
            awaitPage("the bot's reply to alice",
                    () -> botSaid(page, "alice_t", "Accepted case 1234"));
            awaitPage("case 1234 accepted by alice", () -> caseIn(page, "accepted", 1234)
                    && card(page, 1234).getText().contains("alice"));
            awaitPage("the notice to @bob_t", () -> botSaid(page, "bob_t", "accepted by alice"));

            tellTheRestOfTheStory(page);
            Files.write(TARGET.resolve("console-after-seed-story.png"),
                    page.getScreenshotAs(OutputType.BYTES));
        } finally {
            page.quit();
        }
    }

    /**
     * The seed story's remaining DMs, each sent from the page (the last by keyboard alone),
     * and what each must show.
     */
    private static void tellTheRestOfTheStory(ChromeDriver page) throws InterruptedException {
        sendDm(page, "alice_t", "log 1234 called the customer");
        awaitPage("alice's note on the card",
                () -> card(page, 1234).getText().contains("called the customer"));
        sendDm(page, "alice_t", "close 1234 replaced the toner");
        awaitPage("case 1234 closed", () -> caseIn(page, "closed", 1234));
        typeDm(page, "bob_t", "what?").sendKeys(Keys.ENTER);
        awaitPage("the help the bot sends bob", () -> botSaid(page, "bob_t", "accept <case>"));
        awaitPage("the audit line of the close", () -> page.findElement(By.id("audit")).getText()
                .contains("verb=close case=1234 outcome="));
        awaitPage("the plugin's credentials accepted", () -> page.findElement(By.id("health"))
                .getText().contains("accepted"));
    }

    private static void sendDm(ChromeDriver page, String account, String text) {
        typeDm(page, account, text);
        page.findElement(By.cssSelector("#dm-form button[type=submit]")).click();
    }

    /** Picks the sender and types the message, leaving the focus in the message field. */
    private static WebElement typeDm(ChromeDriver page, String account, String text) {
        page.findElement(By.cssSelector("#dm-from option[value='" + account + "']")).click();
        WebElement message = page.findElement(By.id("dm-text"));
        message.clear();
        message.sendKeys(text);
        return message;
    }

    private static boolean botSaid(ChromeDriver page, String account, String text) {
        return page.findElements(By.cssSelector(
                ".conversation[data-account='" + account + "'] .msg.from-bot .text")).stream()
                .anyMatch(m -> m.getText().contains(text));
    }

    private static boolean caseIn(ChromeDriver page, String status, long caseId) {
        return !page.findElements(By.cssSelector(".column[data-status='" + status
                + "'] .card[data-case='" + caseId + "']")).isEmpty();
    }

    private static WebElement card(ChromeDriver page, long caseId) {
        return page.findElement(By.cssSelector(".card[data-case='" + caseId + "']"));
    }
}
