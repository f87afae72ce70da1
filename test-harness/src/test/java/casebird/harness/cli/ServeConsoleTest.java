package casebird.harness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code serve} in a process of its own prints its console's URL, and the URL works. */
class ServeConsoleTest {

    private static final String PREFIX = "Watch and drive the world in a browser: ";

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void servePrintsAConsoleUrlWhoseTokenOpensTheApi() throws Exception {
        Process serve = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dcasebird.plugins=" + System.getProperty("casebird.plugins"),
                "-cp", System.getProperty("java.class.path"),
                "casebird.harness.cli.HarnessMain", "serve"))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            URI console = URI.create(awaitConsoleLine(serve).substring(PREFIX.length()));
            String token = console.getFragment().substring("token=".length());

            HttpResponse<String> state = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(console.resolve("/api/state"))
                    .header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals("127.0.0.1", console.getHost());
            assertEquals(200, state.statusCode());
            assertTrue(state.body().contains("Printer on fire"), state.body());
        } finally {
            serve.destroy();
            assertTrue(serve.waitFor(30, TimeUnit.SECONDS), "serve did not stop on SIGTERM");
        }
    }

    /** The line of serve's output that gives the console's URL. */
    private static String awaitConsoleLine(Process serve) throws IOException {
        BufferedReader out = new BufferedReader(
                new InputStreamReader(serve.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        while (line != null && !line.startsWith(PREFIX)) {
            line = out.readLine();
        }
        assertNotNull(line, "serve ended without printing its console's URL");
        return line;
    }
}
