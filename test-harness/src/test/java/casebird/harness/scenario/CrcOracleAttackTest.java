package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.crm.CaseStatus;
import casebird.harness.host.SimulatedHost;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The attack of issue 11, as an attacker would make it against {@code serve} with push on:
 * ask the webhook's CRC answer to sign a delivery's JSON, then post that JSON with the
 * signature obtained. The webhook must sign nothing and the CRM must show no effect.
 */
class CrcOracleAttackTest {

    private static final String WORLD = String.join("\n",
            "api v1.1",
            "delivery push",
            "user alice twitter=@alice_t queues=Support",
            "case 1234 \"Printer on fire\"",
            "dispatch 1234 to Support");
    private static final Pattern TOKEN = Pattern.compile("\"response_token\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aDeliverySignedThroughTheCrcAnswerHasNoEffect() throws Exception {
        try (World world = new ScenarioRunner(SimulatedHost.findPluginZip(), new Reporter() { })
                .prepare(ScenarioParser.parse("attack", WORLD), w -> { })) {
            long alice = world.account("alice_t").id();
            long bot = world.bot().id();
            Map.Entry<URI, String> forged = world.twitter()
                    .unsentDeliveries(alice, bot, "accept 1234").entrySet().iterator().next();

            HttpResponse<String> crc = http.send(HttpRequest.newBuilder(URI.create(
                    forged.getKey() + "?crc_token=" + URLEncoder.encode(forged.getValue(),
                            StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = TOKEN.matcher(crc.body());
            String signature = token.find() ? token.group(1) : "sha256=";
            HttpResponse<String> post = http.send(HttpRequest.newBuilder(forged.getKey())
                    .header("x-twitter-webhooks-signature", signature)
                    .POST(HttpRequest.BodyPublishers.ofString(forged.getValue())).build(),
                    HttpResponse.BodyHandlers.ofString());
            world.twitter().deliver(alice, bot, "status 1234");

            assertTrue(Waiting.until(Duration.ofSeconds(20), () -> world.twitter()
                    .messagesOf(alice).stream().anyMatch(m -> m.senderId() == bot)),
                    "the bot never answered the genuine status DM sent after the attack");
            assertEquals(CaseStatus.DISPATCHED,
                    world.crm().findCase(1234).orElseThrow().status());
            assertEquals(0, world.crm().effects().stream()
                    .filter(e -> e.kind().contains("accept")).count(), "" + world.crm().effects());
            assertEquals(400, crc.statusCode(), crc.body());
            assertFalse(crc.body().contains("sha256="), crc.body());
            assertEquals(403, post.statusCode(), post.body());
        }
    }
}
