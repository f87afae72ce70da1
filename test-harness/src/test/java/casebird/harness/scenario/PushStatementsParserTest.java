package casebird.harness.scenario;

import static casebird.harness.scenario.ParsedLines.error;
import static casebird.harness.scenario.ParsedLines.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The push statements of SCENARIOS.md's "Additions": delivery stream|push, fault stream. */
class PushStatementsParserTest {

    @Test
    void deliveryNamesStreamOrPushAsASetupStatement() throws Exception {
        assertEquals(new Step.DeliveryStream(1), only("delivery stream"));
        assertEquals(new Step.DeliveryStream(1), only("DELIVERY Stream"));
        assertEquals(new Step.DeliveryPush(1), only("delivery push"));
        assertTrue(only("delivery stream").isSetup());
    }

    @Test
    void anUnknownDeliveryNamesBothChoices() {
        ScenarioSyntaxException e = error("delivery pull");
        assertTrue(e.getMessage().contains("expected push or stream"), e.getMessage());
    }

    @Test
    void aStreamDropHappensOnceUnlessTimesSaysMore() throws Exception {
        assertEquals(new Step.StreamFault(1, Step.StreamFaultKind.DROP, 1),
                only("fault stream drop"));
        assertEquals(new Step.StreamFault(1, Step.StreamFaultKind.DROP, 3),
                only("fault stream drop times=3"));
        assertFalse(only("fault stream drop").isSetup());
    }

    @Test
    void aStreamStallTakesNoSetting() throws Exception {
        assertEquals(new Step.StreamFault(1, Step.StreamFaultKind.STALL, 1),
                only("fault stream stall"));
        error("fault stream stall times=2");
    }

    @Test
    void aStreamFaultRefusesWhatItDoesNotKnow() {
        assertTrue(error("fault stream reset").getMessage().contains("expected drop or stall"));
        assertTrue(error("fault stream drop times=0").getMessage().contains("at least 1"));
        assertTrue(error("fault stream drop status=500").getMessage()
                .contains("only times=N"));
        assertTrue(error("fault stream drop times=always").getMessage().contains("count"));
    }
}
