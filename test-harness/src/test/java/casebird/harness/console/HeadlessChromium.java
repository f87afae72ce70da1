package casebird.harness.console;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Starts Debian's headless Chromium through its chromedriver, both found on the PATH. When
 * they are missing the test is skipped on a developer's machine and fails on CI (where the
 * environment variable CI is set), so a browser test never passes by not running.
 */
final class HeadlessChromium {

    private HeadlessChromium() {}

    /** A browser whose profile lives in {@code profile}, a fresh folder. */
    static ChromeDriver start(Path profile, int width, int height) {
        Path chromium = onPath("chromium", "chromium-browser", "google-chrome");
        Path driver = onPath("chromedriver");
        ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }

    /** Waits until the page shows what the condition looks for; fails saying what was not seen. */
    static void awaitPage(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (StaleElementReferenceException e) {
                // The page re-rendered between finding an element and reading it: look again.
            }
            Thread.sleep(100);
        }
        fail("the page did not show " + what + " within 30s");
    }

    private static Path onPath(String... names) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Optional<Path> found = Stream.of(path.split(File.pathSeparator))
                .flatMap(dir -> Stream.of(names).map(name -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
        if (found.isPresent()) {
            return found.get();
        }
        String missing = String.join(" or ", names) + " is not on the PATH; install Debian's"
                + " chromium and chromium-driver packages (as .ci/run does)";
        if (System.getenv("CI") != null) {
            return fail(missing);
        }
        return abort(missing);
    }
}
