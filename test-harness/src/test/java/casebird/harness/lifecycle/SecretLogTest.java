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
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs scenarios through the real plugin ZIP in a child JVM with every logger at its most
 * verbose (SLF4J at trace, twitter4j's debug switch on, java.util.logging at ALL) and
 * fails if the consumer secret or access token secret appears anywhere in what the JVM
 * printed, or the consumer key or access token anywhere but the JDK's HTTP wire log. Two of
 * the scenarios run push on the X Activity API (stream and webhook), so the app-only Bearer
 * token and the consumer secret that signs deliveries are looked for too.
 */
class SecretLogTest {

    private static final List<String> SCENARIOS = List.of(
            "src/test/resources/scenarios/seed-story.scenario",
            "src/test/resources/scenarios/credentials-rejected.scenario",
            "src/test/resources/scenarios/stream-command-within-2s.scenario",
            "src/test/resources/scenarios/push-command-within-2s-v2.scenario");

    /**
     * The JDK's own HTTP client log: at FINE it prints each request's headers as sent, so
     * the Authorization header's consumer key and access token (never the two secrets that
     * sign requests) appear there, as in any HTTP trace. Only that logger may show them.
     */
    private static final String JDK_WIRE_LOG = "sun.net.www.protocol.http.HttpURLConnection ";

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
        String logs = printed.lines().filter(l -> !l.startsWith(JDK_WIRE_LOG))
                .collect(Collectors.joining("\n"));
        List<String> leaked = new ArrayList<>();
        for (int i = 0; i < secrets.size(); i++) {
            boolean signingSecret = i % 2 == 1;
            String searched = signingSecret ? printed : logs;
            if (searched.contains(secrets.get(i))) {
                leaked.add(locate(searched, secrets.get(i)));
            }
        }
        long debugLines = printed.lines().filter(l -> l.contains("DEBUG")
                || l.contains("TRACE") || l.contains(" FINE")).count();
        System.out.printf("secret log test: %d lines printed (%d at debug or finer, %d of them"
                + " the JDK's HTTP wire log), %d credentials checked, %d found%n",
                printed.lines().count(), debugLines,
                printed.lines().filter(l -> l.startsWith(JDK_WIRE_LOG)).count(),
                secrets.size(), leaked.size());

        assertTrue(ended, "the child JVM did not finish in 5 minutes");
        assertEquals(0, child.exitValue(), "the scenarios failed:\n" + tail(printed));
        assertTrue(secrets.size() > 4 * SCENARIOS.size(), "credentials of every world and"
                + " the app-only Bearer tokens of the push worlds: " + secrets.size());
        assertTrue(debugLines > 0, "nothing was logged at debug level: verbosity is not on");
        assertEquals(List.of(), leaked);
    }

    private List<String> command(Path secretsFile) throws IOException {
        Path julConfig = dir.resolve("logging.properties");
        Files.writeString(julConfig, String.join("\n",
                "handlers=java.util.logging.ConsoleHandler",
                ".level=ALL",
                "java.util.logging.ConsoleHandler.level=ALL",
                "java.util.logging.SimpleFormatter.format=%3$s %4$s: %5$s%6$s%n"));
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
