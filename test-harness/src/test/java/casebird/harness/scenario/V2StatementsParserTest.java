package casebird.harness.scenario;

import static casebird.harness.scenario.ParsedLines.error;
import static casebird.harness.scenario.ParsedLines.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statements SCENARIOS.md's "Additions" bring for X API v2: api, auth, tokens, spend. */
class V2StatementsParserTest {

    @Test
    void apiAndAuthAreSetupStatementsNamingTheirChoice() throws Exception {
        assertEquals(new Step.Api(1, ApiVersion.V2), only("api v2"));
        assertEquals(new Step.Api(1, ApiVersion.V1_1), only("API V1.1"));
        assertEquals(new Step.Auth(1, AuthScheme.OAUTH2), only("auth oauth2"));
        assertEquals(new Step.Auth(1, AuthScheme.OAUTH1), only("auth OAuth1"));
        assertTrue(only("api v2").isSetup());
        assertTrue(only("auth oauth1").isSetup());
    }

    @Test
    void unknownApiOrAuthNamesTheChoices() {
        ScenarioSyntaxException api = error("api v3");
        assertTrue(api.getMessage().contains("expected v2 or v1.1 but found 'v3'"),
                api.getMessage());
        assertEquals(5, api.column());
        assertTrue(error("auth basic").getMessage().contains("oauth2 or oauth1"));
        assertTrue(error("api \"v2\"").getMessage().contains("v2 or v1.1"));
        assertTrue(error("api").getMessage().contains("at the end of the line"));
        assertTrue(error("api v2 now").getMessage().contains("unexpected 'now'"));
    }

    @Test
    void twitterAccountMayRefuseDmsBesideAChosenId() throws Exception {
        Step.TwitterAccount zed = (Step.TwitterAccount) only("twitter @zed refuses=dms");
        Step.TwitterAccount erin = (Step.TwitterAccount) only("twitter @erin id=42 refuses=dms");
        Step.TwitterAccount plain = (Step.TwitterAccount) only("twitter @mallory");

        assertTrue(zed.refusesDms());
        assertTrue(zed.id().isEmpty());
        assertTrue(erin.refusesDms());
        assertEquals(42L, erin.id().getAsLong());
        assertFalse(plain.refusesDms());
    }

    @Test
    void refusingGroupsSaysQueueRoomsAreNotBuiltYet() {
        ScenarioSyntaxException e = error("twitter @dee refuses=groups");
        assertTrue(e.getMessage().contains("refuses=groups needs queue rooms"), e.getMessage());
        assertTrue(e.getMessage().contains("not built yet"), e.getMessage());
        assertEquals(14, e.column());
        assertTrue(error("twitter @dee refuses=mail").getMessage()
                .contains("expected id=N or refuses=dms"));
    }

    @Test
    void tokenFaultsExpireOrRevoke() throws Exception {
        assertEquals(new Step.TokenFault(1, Step.TokenFaultKind.EXPIRE),
                only("fault token expire"));
        assertEquals(new Step.TokenFault(1, Step.TokenFaultKind.REVOKE),
                only("fault token REVOKE"));
        assertTrue(error("fault token steal").getMessage()
                .contains("expected expire or revoke but found 'steal'"));
        assertTrue(error("fault token expire times=2").getMessage().contains("unexpected"));
    }

    @Test
    void expectSpendTakesEveryComparisonInDollars() throws Exception {
        Step.ExpectSpend atMost = (Step.ExpectSpend) only("expect spend <= 0.50");
        Step.ExpectSpend below = (Step.ExpectSpend) only("expect spend < 1 within 5s");
        Step.ExpectSpend atLeast = (Step.ExpectSpend) only("expect spend >= 0.015");
        Step.ExpectSpend exactly = (Step.ExpectSpend) only("expect spend 0");

        assertEquals(new Comparison("<=", new BigDecimal("0.50")), atMost.dollars());
        assertEquals(new Comparison("<", BigDecimal.ONE), below.dollars());
        assertEquals(Optional.of(Duration.ofSeconds(5)), below.within());
        assertEquals(new Comparison(">=", new BigDecimal("0.015")), atLeast.dollars());
        assertEquals(new Comparison("=", 0), exactly.dollars());
        assertTrue(atMost.within().isEmpty());
    }

    @Test
    void spendComparesByValueNotByScale() {
        Comparison atMost = new Comparison("<=", new BigDecimal("0.50"));

        assertTrue(atMost.test(new BigDecimal("0.5")));
        assertTrue(atMost.test(new BigDecimal("0.495")));
        assertFalse(atMost.test(new BigDecimal("0.505")));
        assertTrue(new Comparison("=", new BigDecimal("0.50")).test(new BigDecimal("0.500")));
        assertFalse(new Comparison("<", new BigDecimal("0.50")).test(new BigDecimal("0.5")));
    }

    @Test
    void badAmountsAreErrors() {
        assertTrue(error("expect spend <= $0.50").getMessage()
                .contains("expected an amount in dollars such as 0.50 but found '$0.50'"));
        assertTrue(error("expect spend <= -1").getMessage().contains("amount in dollars"));
        assertTrue(error("expect spend <= \"0.5\"").getMessage().contains("amount in dollars"));
        assertTrue(error("expect spend").getMessage().contains("at the end of the line"));
    }
}
