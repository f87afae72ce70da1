package casebird.twitter.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import casebird.twitter.command.Command;
import casebird.twitter.command.CommandParser;
import casebird.twitter.command.Handled;
import casebird.twitter.command.Help;
import casebird.twitter.command.Outcome;
import casebird.twitter.health.HealthTracker;
import casebird.twitter.identity.AgentDirectory;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.LogCapture;
import casebird.twitter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {

    private static final long ALICE = 11;
    private static final long MALLORY = 66;

    @TempDir Path dir;
    private final FakeTwitter twitter = new FakeTwitter().account("alice_t", ALICE);
    private final FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
    private StateStore store;
    private DirectMessagePoller poller;

    @BeforeEach
    void startPoller() {
        store = StateStore.open(dir);
        CommandRunner runner = (login, eventId, text) -> {
            Command command = CommandParser.parse(text);
            return new Handled(command, command instanceof Help ? Outcome.HELP : Outcome.LOGGED,
                    "a reply");
        };
        poller = new DirectMessagePoller(twitter, store.position(), store.processed(),
                store.parked(),
                new AgentDirectory(crm, "twitter", twitter, store.pins()), runner,
                new UnlinkedReplyGate(store.unlinkedTally(), Duration.ofHours(24), 50),
                PollerFixture.policy(Duration.ZERO, false),
                new MutableClock(Instant.parse("2025-01-01T00:00:00Z")),
                new HealthTracker(h -> { }, store.outbox()::size, Map::of), store.rooms());
        poller.pollOnce();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void eachHandledDmLeavesOneLineWithItsFactsAndNeverItsText() {
        long note = twitter.dmToBot(ALICE, "log #1234 card 4111-1111 expires 09/27");
        long stranger = twitter.dmToBot(MALLORY, "close 99 let me in");

        String log = LogCapture.during(poller::pollOnce);

        assertEquals(List.of(
                "dm event=" + note + " sender=11 user=alice verb=log case=1234 outcome=logged",
                "dm event=" + stranger
                        + " sender=66 user=none verb=close case=99 outcome=not-linked-replied"),
                auditLines(log));
        assertFalse(log.contains("4111"), log);
        assertFalse(log.contains("let me in"), log);
    }

    @Test
    void aDmThatIsNotACommandIsAuditedAsHelpWithNoCase() {
        long chat = twitter.dmToBot(ALICE, "hello there");

        String log = LogCapture.during(poller::pollOnce);

        assertEquals(List.of("dm event=" + chat
                + " sender=11 user=alice verb=help case=- outcome=help"), auditLines(log));
    }

    private static List<String> auditLines(String log) {
        return log.lines().filter(l -> l.contains("casebird.audit"))
                .map(l -> l.substring(l.indexOf("dm event="))).toList();
    }
}
