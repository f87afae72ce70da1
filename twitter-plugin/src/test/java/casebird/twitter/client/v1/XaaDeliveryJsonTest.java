package casebird.twitter.client.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;

import casebird.twitter.client.DmEvent;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** X Activity API events (webhook bodies and stream lines) read as deliveries. */
class XaaDeliveryJsonTest {

    static String sample() throws IOException {
        try (InputStream in = XaaDeliveryJsonTest.class.getResourceAsStream(
                "/twitter/samples/v2/xaa-dm-received.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theSampleDmReceivedEventIsOneDmForTheFilteredUser() throws IOException {
        Delivery d = DeliveryJson.parse(sample());

        assertEquals(new Delivery(OptionalLong.of(1000000L), List.of(new DmEvent(
                1862880713612337155L, 1000001L, 1000000L, "accept 1234",
                Instant.ofEpochMilli(1796040005000L)))), d);
    }

    @Test
    void otherXaaEventTypesCarryNoDm() throws IOException {
        Delivery d = DeliveryJson.parse(sample().replace("\"dm.received\"", "\"chat.received\""));

        assertEquals(List.of(), d.events());
    }
}
