package casebird.twitter.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    @Test
    void crcResponseMatchesTwittersPublishedVector() {
        assertEquals("sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0=",
                new WebhookSignature("apiSecret").crcResponse("test token"));
    }

    @Test
    void aBodySignedWithTheSameSecretIsAccepted() {
        byte[] body = "test token".getBytes(StandardCharsets.UTF_8);

        assertTrue(new WebhookSignature("apiSecret")
                .signs(body, "sha256=O5hJl2njQRIa4vsumZ+3oom9ECR5m3aQLRZkPoYelp0="));
    }

    @Test
    void anotherSecretAnotherBodyOrAMangledHeaderIsRefused() {
        WebhookSignature signature = new WebhookSignature("apiSecret");
        byte[] body = "test token".getBytes(StandardCharsets.UTF_8);
        String good = signature.crcResponse("test token");

        assertFalse(new WebhookSignature("otherSecret").signs(body, good));
        assertFalse(signature.signs("test token!".getBytes(StandardCharsets.UTF_8), good));
        assertFalse(signature.signs(body, good.substring(7)));
        assertFalse(signature.signs(body, ""));
    }
}
