package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The push statements of SCENARIOS.md's "Additions": delivery stream|push, fault stream. */
class PushStatementsParserTest {

    private static Step only(String line) throws ScenarioSyntaxException {
        List<Step> steps = ScenarioParser.parse("t.scenario", line).steps();
        assertEquals(1, steps.size());
        return steps.get(0);
    }

    private static ScenarioSyntaxException error(String text) {
        return assertThrows(ScenarioSyntaxException.class,
                () -> ScenarioParser.parse("t.scenario", text));
    }

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
