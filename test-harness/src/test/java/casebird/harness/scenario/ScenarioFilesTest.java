package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.host.SimulatedHost;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Runs every scenario file under the test resources against the real plugin ZIP, under each
 * API of {@link ApiVersion#suite()}: a file naming no {@code api} runs under every one, a
 * file naming one under that one only (so files naming v2 wait for the plugin to speak it).
 */
class ScenarioFilesTest {

    @TestFactory
    @Execution(ExecutionMode.CONCURRENT)
    Stream<DynamicContainer> everyScenarioFileHoldsUnderEachApi() throws Exception {
        Path folder = Path.of(ScenarioFilesTest.class.getResource("/scenarios").toURI());
        Path zip = SimulatedHost.findPluginZip();
        Map<Path, Optional<ApiVersion>> files = new TreeMap<>();
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(p -> p.toString().endsWith(".scenario")).toList()) {
                files.put(file, namedApi(ScenarioParser.parse(file)));
            }
        }
        return Arrays.stream(ApiVersion.suite()).map(api -> DynamicContainer.dynamicContainer(
                "api " + api.word(), files.entrySet().stream()
                        .filter(file -> file.getValue().orElse(api) == api)
                        .map(file -> DynamicTest.dynamicTest(file.getKey().getFileName()
                                .toString(), () -> assertHolds(zip, file.getKey(), api)))));
    }

    private static Optional<ApiVersion> namedApi(Scenario scenario) {
        return scenario.steps().stream().filter(Step.Api.class::isInstance)
                .map(step -> ((Step.Api) step).version()).findFirst();
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
