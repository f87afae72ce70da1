package casebird.harness.scenario;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.TwitterApiError;
import casebird.harness.twitter.v2.CostMeter.Price;
import casebird.harness.twitter.v2.OAuth2Grants;
import casebird.harness.twitter.v2.OAuth2Refusal;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 statements carried out against a world's fake, with no plugin started. */
class V2StepsTest {

    private static final Path NO_PLUGIN = Path.of("no-plugin-is-started.zip");
    private static final Set<String> SCOPES = Set.of("dm.read", "dm.write", "tweet.read",
            "users.read", "offline.access");

    private World world;

    @BeforeEach
    void create() throws Exception {
        world = World.create(NO_PLUGIN, ApiVersion.V2);
    }

    @AfterEach
    void close() {
        world.close();
    }

    private void run(String statement) throws Exception {
        for (Step step : ScenarioParser.parse("t.scenario", statement).steps()) {
            new StepExecutor(world, new Reporter() { }).run(step);
        }
    }

    private void expectSpend(String statement) throws Exception {
        new Expectations(world).check(ScenarioParser.parse("t", statement).steps().get(0));
    }

    @Test
    void theRunnersApiIsTheDefaultAndAFileNamingOneOverridesIt() throws Exception {
        AtomicReference<World> seen = new AtomicReference<>();
        ScenarioRunner runner = new ScenarioRunner(NO_PLUGIN, new Reporter() { }, ApiVersion.V2);

        runner.run(ScenarioParser.parse("a", "bot @casebird"), seen::set);
        assertEquals(new ApiChoice(ApiVersion.V2, AuthScheme.OAUTH2), seen.get().apiChoice());
        runner.run(ScenarioParser.parse("b", "api v1.1\nbot @casebird"), seen::set);
        assertEquals(new ApiChoice(ApiVersion.V1_1, AuthScheme.OAUTH1), seen.get().apiChoice());
        runner.run(ScenarioParser.parse("c", "auth oauth1"), seen::set);
        assertEquals(new ApiChoice(ApiVersion.V2, AuthScheme.OAUTH1), seen.get().apiChoice());
    }

    @Test
    void aLimitHoldsUnderV2WhereverTheApiStatementStands() throws Exception {
        run("limit dm-list 2/60s\napi v2");
        String token = world.twitter().v2().oauth2().grants().issue(world.bot().id(), SCOPES)
                .accessToken();
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest list = HttpRequest.newBuilder(world.twitter().v2().baseUrl()
                .resolve("dm_events")).header("Authorization", "Bearer " + token).build();

        assertEquals(200, http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(200, http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode());
        assertEquals(429, http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void anAccountThatRefusesDmsRefusesTheBotButOthersDoNot() throws Exception {
        run("twitter @zed refuses=dms\ntwitter @amy");
        long bot = world.bot().id();

        TwitterApiError refused = assertThrows(TwitterApiError.class,
                () -> world.twitter().deliver(bot, world.account("zed").id(), "hi"));
        assertEquals(403, refused.status());
        assertDoesNotThrow(() -> world.twitter().deliver(bot, world.account("amy").id(), "hi"));
    }

    @Test
    void tokenExpiryEndsTheBotsAccessButItsRefreshTokenStillWorks() throws Exception {
        TwitterAccount bot = world.bot();
        OAuth2Grants grants = world.twitter().v2().oauth2().grants();
        OAuth2Grants.Tokens tokens = grants.issue(bot.id(), SCOPES);

        world.faultToken(Step.TokenFaultKind.EXPIRE);

        assertTrue(grants.access(tokens.accessToken()).isEmpty());
        OAuth2Grants.Tokens renewed = grants.refresh(tokens.refreshToken().orElseThrow());
        assertTrue(grants.access(renewed.accessToken()).isPresent());
    }

    @Test
    void tokenRevocationEndsEveryGrantOfTheBot() throws Exception {
        OAuth2Grants grants = world.twitter().v2().oauth2().grants();
        OAuth2Grants.Tokens tokens = grants.issue(world.bot().id(), SCOPES);
        String other = grants.issue(world.twitter().createAccount("amy").id(), SCOPES)
                .accessToken();

        world.faultToken(Step.TokenFaultKind.REVOKE);

        assertTrue(grants.access(tokens.accessToken()).isEmpty());
        assertThrows(OAuth2Refusal.class,
                () -> grants.refresh(tokens.refreshToken().orElseThrow()));
        assertTrue(grants.access(other).isPresent());
    }

    @Test
    void tokenFaultsNeedOAuth2() {
        world.useAuth(AuthScheme.OAUTH1);

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> world.faultToken(Step.TokenFaultKind.EXPIRE));
        assertTrue(e.getMessage().contains("needs 'api v2' with 'auth oauth2', not v2 with"
                + " oauth1"), e.getMessage());
    }

    @Test
    void expectSpendReadsTheFakesCostMeter() throws Exception {
        world.twitter().v2().costMeter().charge(Price.DM_SENT, "event-1");
        world.twitter().v2().costMeter().charge(Price.DM_EVENT_READ, "event-2");

        expectSpend("expect spend = 0.025");
        expectSpend("expect spend <= 0.50");
        expectSpend("expect spend > 0.02");
        StepFailure over = assertThrows(StepFailure.class,
                () -> expectSpend("expect spend < 0.025"));
        assertEquals("expected spend < 0.025 dollars but $0.025 was spent", over.getMessage());
        assertThrows(StepFailure.class, () -> expectSpend("expect spend >= 0.03"));
    }

    @Test
    void expectSpendWithinWaitsForTheMeter() throws Exception {
        Thread charger = new Thread(() -> {
            sleep(Duration.ofMillis(300));
            world.twitter().v2().costMeter().charge(Price.DM_SENT, "late");
        });
        charger.start();

        expectSpend("expect spend >= 0.015 within 5s");

        charger.join();
        assertEquals(new BigDecimal("0.015"), world.twitter().v2().costMeter().spent());
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
