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
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario file under the test resources against the real plugin ZIP. */
class ScenarioFilesTest {

    @TestFactory
    Stream<DynamicTest> everyScenarioFileHolds() throws IOException, URISyntaxException {
        Path folder = Path.of(ScenarioFilesTest.class.getResource("/scenarios").toURI());
        Path zip = SimulatedHost.findPluginZip();
        return Files.list(folder).filter(p -> p.toString().endsWith(".scenario")).sorted()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(),
                        () -> assertHolds(zip, file)));
    }

    private static void assertHolds(Path zip, Path file) throws Exception {
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
        boolean held = new ScenarioRunner(zip, reporter).run(ScenarioParser.parse(file));
        assertTrue(held, () -> printed.toString(StandardCharsets.UTF_8));
    }
}
