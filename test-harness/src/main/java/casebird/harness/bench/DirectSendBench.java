package casebird.harness.bench;

import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.TwitterAccount;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * DMs sent without the plugin, against the same fake API: the bare loop of signed
 * {@code HttpURLConnection} POSTs (the machine's limit) and the seed's way, one {@code curl}
 * process per DM with the request signed by the driver.
 */
final class DirectSendBench {

    static final Path CURL = Path.of("/usr/bin/curl");
    private static final String TEXT = "Case 1234 was dispatched to Support: printer on fire";

    private final FakeTwitterApi api;
    private final TwitterAccount bot;
    private final TwitterAccount agent;
    private final SecureRandom random = new SecureRandom();

    private DirectSendBench(FakeTwitterApi api) {
        this.api = api;
        for (Endpoint endpoint : Endpoint.values()) {
            api.liftLimit(endpoint);
        }
        this.bot = api.createAccount("casebird");
        this.agent = api.createAccount("agent");
    }

    /** DMs per second of the bare loop, after {@code warmup} unmeasured DMs. */
    static double bareLoopRate(int warmup, int count) throws IOException {
        try (FakeTwitterApi api = FakeTwitterApi.start(Clock.systemUTC())) {
            DirectSendBench bench = new DirectSendBench(api);
            for (int i = 0; i < warmup; i++) {
                bench.post();
            }
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                bench.post();
            }
            return count * 1e9 / (System.nanoTime() - begin);
        }
    }

    /** DMs per second of one curl process per DM, after {@code warmup} unmeasured DMs. */
    static double curlRate(int warmup, int count) throws IOException, InterruptedException {
        try (FakeTwitterApi api = FakeTwitterApi.start(Clock.systemUTC())) {
            DirectSendBench bench = new DirectSendBench(api);
            for (int i = 0; i < warmup; i++) {
                bench.curl();
            }
            long begin = System.nanoTime();
            for (int i = 0; i < count; i++) {
                bench.curl();
            }
            return count * 1e9 / (System.nanoTime() - begin);
        }
    }

    static boolean curlInstalled() {
        return Files.isExecutable(CURL);
    }

    private void post() throws IOException {
        SignedDm dm = SignedDm.of(api, bot, agent.id(), TEXT, random);
        HttpURLConnection connection = (HttpURLConnection) dm.url().toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setDoOutput(true);
        connection.setRequestProperty("Authorization", dm.authorization());
        connection.setRequestProperty("Content-Type", "application/json");
        try (OutputStream out = connection.getOutputStream()) {
            out.write(dm.body().getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream in = status == 200
                ? connection.getInputStream() : connection.getErrorStream()) {
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (status != 200) {
                throw new IOException("the fake API answered " + status + ": " + answer);
            }
        }
    }

    private void curl() throws IOException, InterruptedException {
        SignedDm dm = SignedDm.of(api, bot, agent.id(), TEXT, random);
        Process curl = new ProcessBuilder(CURL.toString(), "-s", "-o", "/dev/null",
                "-w", "%{http_code}", "-X", "POST",
                "-H", "Authorization: " + dm.authorization(),
                "-H", "Content-Type: application/json",
                "--data-binary", dm.body(), dm.url().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = curl.waitFor();
        if (exit != 0 || !status.equals("200")) {
            throw new IOException("curl exited " + exit + " with HTTP status '" + status + "'");
        }
    }
}
