package casebird.twitter.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.PluginHealth.Credentials;
import casebird.api.PluginHealth;
import casebird.twitter.budget.Backoff;
import casebird.twitter.budget.BudgetSpentException;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.testing.FailingTwitter;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import casebird.twitter.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CredentialsCheckTest {

    private static final Duration SLOW = Duration.ofMinutes(15);

    private final FakeTwitter twitter = new FakeTwitter();
    private final FailingTwitter failing = new FailingTwitter(twitter);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final List<PluginHealth> reports = new ArrayList<>();
    private final HealthTracker health = new HealthTracker(reports::add, () -> 0, Map::of);
    private final CredentialsCheck check = new CredentialsCheck(failing, health,
            new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random(1)), SLOW, clock,
            CredentialsCheck.OAUTH1_FIX);

    private static TwitterApiException rejected() {
        return new TwitterApiException("verify_credentials failed: Could not authenticate you.",
                401, 32, OptionalLong.empty(), null);
    }

    private static TwitterApiException unreachable() {
        return new TwitterApiException("verify_credentials failed: Connection refused",
                -1, -1, OptionalLong.empty(), null);
    }

    private PluginHealth last() {
        return reports.get(reports.size() - 1);
    }

    @Test
    void acceptedCredentialsAreCheckedOnceAndReportedWithTheBotsName() {
        check.runIfDue();
        check.runIfDue();

        assertTrue(check.accepted());
        assertEquals(1, twitter.verifyCalls());
        assertEquals(Credentials.ACCEPTED, last().credentials());
        assertEquals("Twitter accepted the credentials of @casebird", last().detail());
    }

    @Test
    void aMissingPermissionStopsTheWorkUntilTheSlowRecheckAndSaysWhy() {
        check.runIfDue();

        health.permissionMissing("sending a DM was refused (not permitted)");
        check.runIfDue();
        boolean acceptedBeforeRecheck = check.accepted();
        clock.advance(SLOW.minusSeconds(1));
        check.runIfDue();
        int callsBeforeDue = twitter.verifyCalls();
        clock.advance(Duration.ofSeconds(1));
        check.runIfDue();

        assertFalse(acceptedBeforeRecheck);
        assertEquals(1, callsBeforeDue);
        assertEquals(2, twitter.verifyCalls());
        assertTrue(check.accepted());
    }

    @Test
    void aMissingPermissionIsReportedAsRejectedNamingWhatToFix() {
        health.permissionMissing("reading DMs was refused (Forbidden)");
        health.report();

        assertEquals(Credentials.REJECTED, last().credentials());
        assertTrue(last().detail().startsWith("X says the app lacks a permission: reading DMs"
                + " was refused (Forbidden); sending and reading stop, and no DM is dropped,"),
                last().detail());
    }

    @Test
    void rejectedCredentialsAreReportedWithTwittersCodeAndRetriedOnlyAtTheSlowRate() {
        failing.failNextVerify(rejected());
        failing.failNextVerify(rejected());

        check.runIfDue();
        clock.advance(SLOW.minusSeconds(1));
        check.runIfDue();
        int callsBeforeDue = twitter.verifyCalls();
        clock.advance(Duration.ofSeconds(1));
        check.runIfDue();
        clock.advance(SLOW);
        check.runIfDue();

        assertEquals(1, callsBeforeDue);
        assertEquals(3, twitter.verifyCalls());
        assertTrue(check.accepted());
        assertTrue(reports.stream().anyMatch(h -> h.credentials() == Credentials.REJECTED
                && h.detail().startsWith("Twitter rejected the credentials (code 32):"
                        + " verify_credentials failed: Could not authenticate you.")));
    }

    @Test
    void unreachableApiIsRetriedWithBackoffNotAtTheSlowRate() {
        failing.failNextVerify(unreachable());

        check.runIfDue();
        Credentials whileDown = last().credentials();
        clock.advance(Duration.ofSeconds(3));
        check.runIfDue();

        assertEquals(Credentials.UNREACHABLE, whileDown);
        assertEquals(2, twitter.verifyCalls());
        assertTrue(check.accepted());
    }

    @Test
    void aCallRefusedElsewhereMakesTheNextRunCheckAgain() {
        check.runIfDue();
        failing.failNextVerify(rejected());

        health.credentials(Credentials.REJECTED, "Twitter rejected the credentials (code 89)");
        check.runIfDue();

        assertFalse(check.accepted());
        assertEquals(2, twitter.verifyCalls());
        assertEquals(Credentials.REJECTED, last().credentials());
    }

    @Test
    void aLaterSuccessfulCallKeepsTheSentenceNamingTheAccount() {
        check.runIfDue();

        health.credentials(Credentials.ACCEPTED, "Twitter accepted the credentials");
        health.report();

        assertEquals("Twitter accepted the credentials of @casebird", last().detail());
    }

    @Test
    void aSpentBudgetIsWaitedOutWithOneLogLineInsteadOfAStackTraceEveryTurn() {
        Instant until = clock.instant().plusSeconds(30);
        failing.failNextVerify(new BudgetSpentException(Endpoint.VERIFY_CREDENTIALS, until));

        String log = LogCapture.during(() -> {
            for (int second = 0; second <= 30; second++) {
                check.runIfDue();
                clock.advance(Duration.ofSeconds(1));
            }
        });

        assertEquals(2, twitter.verifyCalls());
        assertTrue(check.accepted());
        assertEquals(1, log.lines().filter(l -> l.contains("budget")).count(), log);
        assertFalse(log.contains("\tat "), log);
    }
}
