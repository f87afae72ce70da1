package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario file under the test resources against the real plugin ZIP, under each
 * API of the suite ({@link ApiVersion#suite()}): a file naming no {@code api} runs under it.
 */
class ScenarioFilesTest {

    @TestFactory
    Stream<DynamicContainer> everyScenarioFileHoldsUnderEachApi()
            throws IOException, URISyntaxException {
        Path folder = Path.of(ScenarioFilesTest.class.getResource("/scenarios").toURI());
        Path zip = SimulatedHost.findPluginZip();
        List<Path> files;
        try (Stream<Path> listed = Files.list(folder)) {
            files = listed.filter(p -> p.toString().endsWith(".scenario")).sorted().toList();
        }
        return Arrays.stream(ApiVersion.suite()).map(api -> DynamicContainer.dynamicContainer(
                "api " + api.word(), files.stream().map(file -> DynamicTest.dynamicTest(
                        file.getFileName().toString(), () -> assertHolds(zip, file, api)))));
    }

    private static void assertHolds(Path zip, Path file, ApiVersion api) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Reporter reporter = new Reporter() {
            @Override
            public void stepFailed(Scenario scenario, Step step, String why) {
                out.println("line " + step.line() + ": " + scenario.text(step) + "\n" + why);
            }

            @Override
            public void fileFailed(Scenario scenario, String why) {
                out.println(why);
            }
        };
        boolean held = new ScenarioRunner(zip, reporter, api).run(ScenarioParser.parse(file));
        assertTrue(held, () -> printed.toString(StandardCharsets.UTF_8));
    }
}
