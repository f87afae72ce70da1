package casebird.harness.scenario;

import static casebird.harness.scenario.ParsedLines.error;
import static casebird.harness.scenario.ParsedLines.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.Fault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScenarioParserTest {

    @Test
    void ruleKeepsQuotedTemplateWithSpacesAndPlaceholders() throws Exception {
        Step.Rule rule = (Step.Rule) only("rule R1 on case-dispatched queue=Support do"
                + " twitter.send-dm to=queue-members template=\"New case {case.id}: {case.title}\"");
        assertEquals("R1", rule.id());
        assertEquals("case-dispatched", rule.event());
        assertEquals(Optional.of("Support"), rule.queue());
        assertEquals("twitter.send-dm", rule.actionId());
        assertEquals(Map.of("to", "queue-members", "template", "New case {case.id}: {case.title}"),
                rule.settings());
    }

    @Test
    void stringsResolveEveryEscapeAndKeepUnicode() throws Exception {
        Step.Dm dm = (Step.Dm) only("dm @alice_t \"log 1 a\\\"b\\\\c\\nd\\te ✓\"");
        assertEquals("alice_t", dm.from());
        assertEquals("log 1 a\"b\\c\nd\te ✓", dm.text());
    }

    @Test
    void commentsAndBlankLinesAreIgnoredButHashInsideQuotesIsText() throws Exception {
        Scenario s = ScenarioParser.parse("t", "# intro\n\n  dm @a \"#1234\"  # trailing\n");
        assertEquals(1, s.steps().size());
        assertEquals("#1234", ((Step.Dm) s.steps().get(0)).text());
        assertEquals(3, s.steps().get(0).line());
    }

    @Test
    void replayedAndCrcSignedDeliveriesNameTheirSenderAndText() throws Exception {
        Step.DeliverReplayed replayed =
                (Step.DeliverReplayed) only("deliver replayed @alice_t \"accept 1234\" age 49h");

        assertEquals("alice_t", replayed.from());
        assertEquals("accept 1234", replayed.text());
        assertEquals(Duration.ofHours(49), replayed.age());
        assertEquals("accept 1234", ((Step.DeliverCrcSigned) only(
                "deliver crc-signed @alice_t \"accept 1234\"")).text());
        assertTrue(error("deliver resent @alice_t \"x\"").getMessage()
                .contains("expected 'forged', 'crc-signed' or 'replayed'"));
    }

    @Test
    void keywordsAreCaseInsensitive() throws Exception {
        assertInstanceOf(Step.Settle.class, only("SETTLE"));
        assertInstanceOf(Step.ExpectDm.class, only("Expect DM To @bob ~ \"x\""));
    }

    @Test
    void expectDmReadsRegexCaseInsensitivelyAndWithin() throws Exception {
        Step.ExpectDm e = (Step.ExpectDm) only("expect dm to @bob_t ~ \"accepted by alice\" within 5s");
        assertEquals("bob_t", e.to());
        assertTrue(e.text().orElseThrow().matcher("Case 1 ACCEPTED BY Alice").find());
        assertEquals(Optional.of(Duration.ofSeconds(5)), e.within());
    }

    @Test
    void regexEscapesAreWrittenDoubled() throws Exception {
        Step.ExpectDm e = (Step.ExpectDm) only("expect dm to @a ~ \"case \\\\d+\"");
        assertTrue(e.text().orElseThrow().matcher("case 42").find());
    }

    @Test
    void countsTakeEveryComparison() throws Exception {
        assertEquals(new Comparison("=", 2), ((Step.ExpectDmCount) only("expect dms to @a 2")).count());
        assertEquals(new Comparison("<=", 1),
                ((Step.ExpectDmCount) only("expect dms to @a <= 1")).count());
        Step.ExpectApi api = (Step.ExpectApi) only("expect api * status=429 calls = 0");
        assertEquals("*", api.endpoint());
        assertEquals(429, api.status().getAsInt());
        assertEquals(new Comparison("=", 0), api.count());
    }

    @Test
    void expectCaseTakesFieldsAndNote() throws Exception {
        Step.ExpectCase e = (Step.ExpectCase) only(
                "expect case 1234 status=closed notes=2 note ~ \"toner\" within 2s");
        assertEquals(Map.of("status", "closed", "notes", "2"), e.fields());
        assertTrue(e.note().isPresent());
        assertEquals(Optional.of(Duration.ofSeconds(2)), e.within());
    }

    @Test
    void expectInvalidRuleCarriesTheRuleAndTheMessagePattern() throws Exception {
        Step.ExpectInvalidRule e = (Step.ExpectInvalidRule) only("expect invalid rule R9 on"
                + " case-accepted do twitter.send-dm to=queue-members template=\"{case.nope}\""
                + " ~ \"case.nope\"");
        assertEquals("R9", e.rule().id());
        assertEquals("{case.nope}", e.rule().settings().get("template"));
        assertEquals("case.nope", e.message().pattern());
    }

    @Test
    void faultsParseEveryKind() throws Exception {
        Step.Fault status = (Step.Fault) only("fault dm-send status=503 times=3");
        assertEquals(Step.FaultKind.STATUS, status.kind());
        assertEquals(503, status.status());
        assertEquals(3, status.times());
        Step.Fault code = (Step.Fault) only("fault dm-send status=403 code=349");
        assertEquals(349, code.code().getAsInt());
        assertEquals(1, code.times());
        assertEquals(Duration.ofSeconds(2), ((Step.Fault) only("fault dm-list delay=2s")).delay());
        assertEquals(Step.FaultKind.RESET, ((Step.Fault) only("fault * reset")).kind());
        assertEquals(Step.FaultKind.GARBAGE, ((Step.Fault) only("fault dm-list body=garbage")).kind());
        assertEquals(Step.FaultKind.DROP, ((Step.Fault) only("fault webhook drop")).kind());
    }

    @Test
    void crmFaultsAndRecipientFaultsParse() throws Exception {
        Step.CrmFault poison = (Step.CrmFault) only("fault crm error case=1234 times=always");
        assertEquals(1234L, poison.caseId().getAsLong());
        assertEquals(Fault.ALWAYS, poison.times());
        Step.CrmFault next = (Step.CrmFault) only("fault crm error times=3");
        assertTrue(next.caseId().isEmpty());
        assertEquals(3, next.times());
        Step.Fault refusal = (Step.Fault) only(
                "fault dm-send status=403 code=349 to=@bob_t times=always");
        assertEquals(Optional.of("bob_t"), refusal.to());
        assertEquals(Fault.ALWAYS, refusal.times());
        assertTrue(error("fault crm error case=x").getMessage().contains("case id"));
        assertTrue(error("fault dm-list status=503 to=@bob_t").getMessage()
                .contains("only a dm-send fault"));
    }

    @Test
    void setupStatementsParse() throws Exception {
        Step.User u = (Step.User) only("user alice twitter=@alice_t queues=Support,Billing");
        assertEquals(Optional.of("@alice_t"), u.twitter());
        assertEquals(List.of("Support", "Billing"), u.queues());
        assertEquals(123456789L, ((Step.TwitterAccount) only("twitter @erin id=123456789")).id()
                .getAsLong());
        Step.Limit limit = (Step.Limit) only("limit dm-list 15/15s");
        assertEquals(15, limit.calls().getAsInt());
        assertEquals(Duration.ofSeconds(15), limit.window());
        assertTrue(((Step.Limit) only("limit dm-send none")).calls().isEmpty());
        assertTrue(only("delivery push").isSetup());
        assertTrue(only("queue Escalations").isSetup());
    }

    @Test
    void errorsNameFileLineAndColumn() {
        ScenarioSyntaxException e = error("user alice\ndispatch 1234 into Support\n");
        assertEquals(2, e.line());
        assertEquals(15, e.column());
        assertTrue(e.getMessage().startsWith("t.scenario:2:15: expected 'to'"), e.getMessage());
    }

    @Test
    void unknownStatementListsTheKnownOnes() {
        ScenarioSyntaxException e = error("  frobnicate 1");
        assertEquals(3, e.column());
        assertTrue(e.getMessage().contains("unknown statement 'frobnicate'"), e.getMessage());
    }

    @Test
    void badStringsAreErrors() {
        assertTrue(error("dm @a \"open").getMessage().contains("no closing quote"));
        assertTrue(error("dm @a \"bad \\q\"").getMessage().contains("unknown escape"));
        assertTrue(error("expect dm to @a ~ \"(\"").getMessage().contains("bad regex"));
    }

    @Test
    void badWordsAreErrors() {
        assertTrue(error("wait 2 seconds").getMessage().contains("duration"));
        assertTrue(error("dm alice \"hi\"").getMessage().contains("@name"));
        assertTrue(error("case abc \"t\"").getMessage().contains("case id"));
        assertTrue(error("rule R on case-exploded do x").getMessage().contains("unknown event"));
        assertTrue(error("fault dm-send wobble").getMessage().contains("unknown fault setting"));
        assertTrue(error("settle now").getMessage().contains("unexpected 'now'"));
    }

    @Test
    void aFileWithOneErrorYieldsNoSteps() {
        assertThrows(ScenarioSyntaxException.class,
                () -> ScenarioParser.parse("t", "settle\nsettle now\nsettle"));
    }
}
