package casebird.twitter.push;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Account Activity API's HMAC-SHA256 under the app's consumer secret: the answer to a
 * CRC challenge, and the check of a delivery's {@code x-twitter-webhooks-signature}.
 */
public final class WebhookSignature {

    private static final String HMAC = "HmacSHA256";
    private static final String PREFIX = "sha256=";

    private final SecretKeySpec key;

    /** A signature keyed by the app's consumer secret. */
    public WebhookSignature(String consumerSecret) {
        this.key = new SecretKeySpec(consumerSecret.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** The {@code response_token} answering a CRC challenge: {@code sha256=<base64 HMAC>}. */
    public String crcResponse(String crcToken) {
        return sign(crcToken.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code header} is the signature of {@code body}, compared in constant time. */
    public boolean signs(byte[] body, String header) {
        return MessageDigest.isEqual(sign(body).getBytes(StandardCharsets.US_ASCII),
                header.trim().getBytes(StandardCharsets.US_ASCII));
    }

    private String sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return PREFIX + Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers no " + HMAC, e);
        }
    }
}
