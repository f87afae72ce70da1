package casebird.twitter.client.v2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Checks twitter4j's OAuth 1.0a signatures of v2 requests against RFC 5849, recomputed. */
class OAuth1SignerTest {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final V2Fixture fixture = new V2Fixture(
            new OAuth1Signer("consumer-key", "consumer secret", "1000000-token", "token*secret"));

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void listIsSignedOverItsQuery() throws Exception {
        fixture.answer(200, "dm_events-last-page.json");

        fixture.port.listEvents(Optional.of("18KPBS1GKCG8T4VHLA9SCG3NJMGL3XFX"), 5);

        ScriptedServer.Recorded list = fixture.x.request(0);
        Map<String, String> oauth = oauthParams(list.header("Authorization"));
        assertEquals("consumer-key", oauth.get("oauth_consumer_key"));
        assertEquals("1000000-token", oauth.get("oauth_token"));
        assertEquals("HMAC-SHA1", oauth.get("oauth_signature_method"));
        assertEquals(expectedSignature(list, oauth), oauth.get("oauth_signature"));
    }

    @Test
    void sendIsSignedWithoutItsJsonBody() throws Exception {
        fixture.answer(201, "dm_send-response.json");

        fixture.port.send(1000001, "accept 1234");

        ScriptedServer.Recorded post = fixture.x.request(0);
        assertTrue(post.body().contains("accept 1234"));
        Map<String, String> oauth = oauthParams(post.header("Authorization"));
        assertEquals(expectedSignature(post, oauth), oauth.get("oauth_signature"));
    }

    private String expectedSignature(ScriptedServer.Recorded request, Map<String, String> oauth)
            throws Exception {
        Map<String, String> params = new TreeMap<>(request.query());
        oauth.forEach((k, v) -> {
            if (!k.equals("oauth_signature")) {
                params.put(k, v);
            }
        });
        String normalized = params.entrySet().stream()
                .map(p -> encode(p.getKey()) + "=" + encode(p.getValue()))
                .collect(Collectors.joining("&"));
        String base = request.method() + "&" + encode(fixture.x.url().resolve(request.path())
                .toString()) + "&" + encode(normalized);
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((encode("consumer secret") + "&" + encode("token*secret"))
                .getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(
                mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    }

    private static Map<String, String> oauthParams(String header) {
        assertTrue(header.startsWith("OAuth "), header);
        Map<String, String> params = new TreeMap<>();
        Matcher m = PARAM.matcher(header);
        while (m.find()) {
            params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }
}
