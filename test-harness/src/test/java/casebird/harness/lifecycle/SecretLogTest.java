package casebird.harness.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scenarios through the real plugin ZIP in a child JVM with every logger at its most
 * verbose (SLF4J at trace, twitter4j's debug switch on, java.util.logging at ALL) and
 * fails if any OAuth key, token or secret appears anywhere in what the JVM printed.
 */
class SecretLogTest {

    private static final List<String> SCENARIOS = List.of(
            "src/test/resources/scenarios/seed-story.scenario",
            "src/test/resources/scenarios/credentials-rejected.scenario");

    @TempDir Path dir;

    @Test
    void noCredentialReachesAnyLogAtAnyLevel() throws Exception {
        Path secretsFile = dir.resolve("secrets.txt");
        Path output = dir.resolve("output.txt");

        Process child = new ProcessBuilder(command(secretsFile))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = child.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        List<String> secrets = Files.exists(secretsFile) ? Files.readAllLines(secretsFile)
                : List.of();
        List<String> leaked = secrets.stream().filter(printed::contains).toList();
        long debugLines = printed.lines().filter(l -> l.contains("DEBUG")
                || l.contains("TRACE") || l.contains("FINE")).count();
        System.out.printf("secret log test: %d lines printed (%d at debug or finer), %d"
                + " credentials checked, %d found%n", printed.lines().count(), debugLines,
                secrets.size(), leaked.size());

        assertTrue(ended, "the child JVM did not finish in 5 minutes");
        assertEquals(0, child.exitValue(), "the scenarios failed:\n" + tail(printed));
        assertEquals(4 * SCENARIOS.size(), secrets.size(), "credentials of every world");
        assertTrue(debugLines > 0, "nothing was logged at debug level: verbosity is not on");
        assertEquals(List.of(), leaked.stream().map(s -> locate(printed, s)).toList());
    }

    private List<String> command(Path secretsFile) throws IOException {
        Path julConfig = dir.resolve("logging.properties");
        Files.writeString(julConfig, String.join("\n", "handlers=java.util.logging.ConsoleHandler",
                ".level=ALL", "java.util.logging.ConsoleHandler.level=ALL"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dcasebird.plugins=" + System.getProperty("casebird.plugins"),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                "-Dorg.slf4j.simpleLogger.log.org.pf4j=trace",
                "-Dtwitter4j.debug=true",
                "-Djava.util.logging.config.file=" + julConfig,
                SecretLogProbe.class.getName(),
                secretsFile.toString()));
        command.addAll(SCENARIOS);
        return command;
    }

    private static String locate(String printed, String secret) {
        return printed.lines().filter(l -> l.contains(secret)).findFirst()
                .map(l -> "a credential appears in: " + l.replace(secret, "<SECRET>"))
                .orElse("");
    }

    private static String tail(String text) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
