package casebird.harness.bench;

import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.OAuth1Signer;
import casebird.harness.twitter.TwitterAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** A DM POST to the fake API signed with OAuth 1.0a, as a client outside the plugin sends it. */
record SignedDm(URI url, String body, String authorization) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Signs a DM from one account to another, with a fresh nonce and the current time. */
    static SignedDm of(FakeTwitterApi api, TwitterAccount from, long to, String text,
            SecureRandom random) {
        URI url = api.baseUrl().resolve(Endpoint.DM_SEND.path());
        ObjectNode body = JSON.createObjectNode();
        ObjectNode create = body.putObject("event").put("type", "message_create")
                .putObject("message_create");
        create.putObject("target").put("recipient_id", Long.toString(to));
        create.putObject("message_data").put("text", text);
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String header = OAuth1Signer.authorizationHeader("POST", url, Map.of(),
                api.consumerKey(), api.consumerSecret(), from.accessToken(),
                from.accessTokenSecret(), HexFormat.of().formatHex(nonce),
                api.clock().instant().getEpochSecond());
        return new SignedDm(url, body.toString(), header);
    }
}
