package casebird.harness.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OAuth1SignerTest {

    private static final URI UPDATE_URL =
            URI.create("https://api.twitter.com/1.1/statuses/update.json?include_entities=true");

    private static String twitterDocExampleHeader() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", "Hello Ladies + Gentlemen, a signed OAuth request!");
        return OAuth1Signer.authorizationHeader("POST", UPDATE_URL, form,
                "xvz1evFS4wEEPTGEFPHBog", "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb",
                "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE",
                "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg", 1318622958L);
    }

    @Test
    void signsTwitterDocumentedExampleWithItsPublishedSignature() {
        String header = twitterDocExampleHeader();

        assertTrue(header.contains("oauth_signature=\"hCtSmYh%2BiHYCEqBWrE7C7hYmtUk%3D\""),
                header);
    }

    @Test
    void headerCarriesEveryOauthParameterEncoded() {
        String header = twitterDocExampleHeader();

        assertTrue(header.startsWith("OAuth "), header);
        for (String part : new String[] {"oauth_consumer_key=\"xvz1evFS4wEEPTGEFPHBog\"",
                "oauth_nonce=\"kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg\"",
                "oauth_signature_method=\"HMAC-SHA1\"", "oauth_timestamp=\"1318622958\"",
                "oauth_token=\"370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb\"",
                "oauth_version=\"1.0\""}) {
            assertTrue(header.contains(part), part + " missing from " + header);
        }
    }

    @Test
    void baseStringMatchesTwitterDocumentedExample() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("status", "Hello Ladies + Gentlemen, a signed OAuth request!");
        params.put("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog");
        params.put("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg");
        params.put("oauth_signature_method", "HMAC-SHA1");
        params.put("oauth_timestamp", "1318622958");
        params.put("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb");
        params.put("oauth_version", "1.0");

        String base = OAuth1Signer.baseString("post", UPDATE_URL,
                List.copyOf(params.entrySet()));

        assertEquals("POST&https%3A%2F%2Fapi.twitter.com%2F1.1%2Fstatuses%2Fupdate.json&"
                + "include_entities%3Dtrue%26oauth_consumer_key%3Dxvz1evFS4wEEPTGEFPHBog%26"
                + "oauth_nonce%3DkYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg%26"
                + "oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D1318622958%26"
                + "oauth_token%3D370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb%26"
                + "oauth_version%3D1.0%26status%3DHello%2520Ladies%2520%252B%2520"
                + "Gentlemen%252C%2520a%2520signed%2520OAuth%2520request%2521", base);
    }
}
