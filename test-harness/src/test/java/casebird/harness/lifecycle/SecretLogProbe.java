package casebird.harness.lifecycle;

import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.Reporter;
import casebird.harness.scenario.Scenario;
import casebird.harness.scenario.ScenarioParser;
import casebird.harness.scenario.ScenarioRunner;
import casebird.harness.scenario.Step;
import casebird.harness.scenario.World;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The child JVM of {@link SecretLogTest}: runs scenario files through the real plugin ZIP
 * and writes each world's credentials to a file (never to the output the test searches).
 *
 * <p>Arguments: the file to write the secrets to, then the scenario files. Exits 0 when
 * every scenario passed.
 */
public final class SecretLogProbe {

    private SecretLogProbe() {}

    /**
     * Each credential the plugin may be handed, as (identifier, secret) pairs: OAuth 1.0a's
     * under {@code auth oauth1}; under {@code oauth2} the client secret and the refresh
     * token each stand in both places (the client id is public by design: every authorize
     * URL carries it), so they are looked for in every line, the JDK's wire log included.
     * With push on the X Activity API, each app-only Bearer token the fake issued is an
     * identifier as the access token is (only the JDK's wire log, which prints request
     * headers, may show it), paired with the consumer secret that obtained it.
     */
    private static final List<List<String>> CREDENTIAL_PAIRS = List.of(
            List.of("consumer-key", "consumer-secret"),
            List.of("access-token", "access-token-secret"),
            List.of("client-secret", "client-secret"),
            List.of("oauth2-refresh-token", "oauth2-refresh-token"));

    public static void main(String[] args) throws Exception {
        Path secretsFile = Path.of(args[0]);
        List<String> secrets = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(SimulatedHost.findPluginZip(), new Reporter() {
            @Override
            public void stepFailed(Scenario scenario, Step step, String why) {
                System.out.println("FAILED " + scenario.text(step) + ": " + why);
            }
        });
        boolean allPassed = true;
        for (int i = 1; i < args.length; i++) {
            Scenario scenario = ScenarioParser.parse(Path.of(args[i]));
            AtomicReference<World> ran = new AtomicReference<>();
            allPassed &= runner.run(scenario, ran::set);
            for (Map<String, String> settings : ran.get().settingsHandedOut()) {
                for (List<String> pair : CREDENTIAL_PAIRS) {
                    if (settings.containsKey(pair.get(1))) {
                        pair.forEach(key -> secrets.add(settings.get(key)));
                    }
                }
            }
            for (String bearer : ran.get().twitter().v2().oauth2().grants().appOnlyTokens()) {
                secrets.add(bearer);
                secrets.add(ran.get().twitter().consumerSecret());
            }
        }
        Files.write(secretsFile, secrets);
        System.exit(allPassed ? 0 : 1);
    }
}
