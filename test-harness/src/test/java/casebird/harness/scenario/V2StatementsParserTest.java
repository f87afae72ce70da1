package casebird.harness.scenario;

import static casebird.harness.scenario.ParsedLines.error;
import static casebird.harness.scenario.ParsedLines.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The statements SCENARIOS.md's "Additions" bring: api, auth, tokens, spend, queue rooms. */
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
    void refusesGroupsMarksAnAccountThatRefusesGroupDmsOnly() throws Exception {
        Step.TwitterAccount dee = (Step.TwitterAccount) only("twitter @dee refuses=groups");
        Step.TwitterAccount zed = (Step.TwitterAccount) only("twitter @zed refuses=dms");

        assertTrue(dee.refusesGroups());
        assertFalse(dee.refusesDms());
        assertFalse(zed.refusesGroups());
        assertTrue(error("twitter @dee refuses=mail").getMessage()
                .contains("expected id=N, refuses=dms or refuses=groups"));
    }

    @Test
    void dmInAQueuePostsInItsRoom() throws Exception {
        Step.RoomDm dm = (Step.RoomDm) only("dm @alice_t in Support \"accept 1234\"");

        assertEquals(new Step.RoomDm(1, "alice_t", "Support", "accept 1234"), dm);
        assertInstanceOf(Step.Dm.class, only("dm @alice_t \"accept 1234\""));
        assertTrue(error("dm @alice_t in \"accept 1234\"").getMessage()
                .contains("expected a queue name"));
    }

    @Test
    void roomExpectationsNameTheQueue() throws Exception {
        Step.ExpectRoomDm dm = (Step.ExpectRoomDm) only(
                "expect dm in Support ~ \"new case 1234\" within 5s");
        Step.ExpectNoRoomDm none = (Step.ExpectNoRoomDm) only(
                "expect no dm in Support ~ \"1234\" within 3s");
        Step.ExpectRoomDmCount count = (Step.ExpectRoomDmCount) only(
                "expect dms in Support >= 2");

        assertEquals("Support", dm.queue());
        assertEquals("new case 1234", dm.text().orElseThrow().pattern());
        assertEquals(Duration.ofSeconds(5), dm.within().orElseThrow());
        assertEquals("Support", none.queue());
        assertEquals(Duration.ofSeconds(3), none.within());
        assertEquals(ExpectationParser.DEFAULT_QUIET,
                ((Step.ExpectNoRoomDm) only("expect no dm in Support")).within());
        assertEquals(">= 2", count.count().toString());
        assertInstanceOf(Step.ExpectDm.class, only("expect dm to @bob_t ~ \"x\""));
        assertTrue(error("expect dm at Support").getMessage()
                .contains("expected 'to' (to @name) or 'in' (in QUEUE"));
    }

    @Test
    void aRuleForTheQueueRoomKeepsItsRecipientAsWritten() throws Exception {
        Step.Rule rule = (Step.Rule) only("rule R3 on case-dispatched queue=Support do"
                + " twitter.send-dm to=queue-room template=\"New case {case.id}\"");

        assertEquals(Map.of("to", "queue-room", "template", "New case {case.id}"),
                StepExecutor.toRule(rule).settings());
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
