package casebird.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.HostContext;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.rule.RuleEvent;
import casebird.twitter.config.InvalidSettingsException;
import casebird.twitter.notify.SendTwitterDmAction;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterPluginTest {

    private final Set<Thread> threadsBefore = new HashSet<>();

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    private HostContext context(Map<String, String> settings) {
        FakeCrm crm = new FakeCrm().user("alice", "@alice_t", "Support");
        return HostContext.of(crm, settings, dir.resolve("data"), clock, "1.0.0", h -> { });
    }

    private static Map<String, String> unreachableTwitter() {
        return Map.of("consumer-key", "ck", "consumer-secret", "cs", "access-token", "at",
                "access-token-secret", "ats", "api-base-url", "http://127.0.0.1:9/1.1/",
                "http-timeout", "1s", "poll-interval", "1h");
    }

    private static RuleEvent dispatched() {
        CrmCase kase = new CrmCase(7, "Printer", CaseStatus.DISPATCHED, Optional.of("Support"),
                Optional.empty(), List.of());
        return new RuleEvent("ev7", RuleEvent.Type.CASE_DISPATCHED, Instant.EPOCH, kase, "bob");
    }

    /** The plugin's threads alive now that were not alive before this test (others' tests). */
    private long casebirdThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("casebird-"))
                .filter(t -> !threadsBefore.contains(t)).count();
    }

    @Test
    void startWithoutAHostContextFailsSayingSo() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> new TwitterPlugin().start());

        assertTrue(e.getMessage().contains("started by a host that handed over no HostContext"));
    }

    @Test
    void startWithBadSettingsNamesThem() {
        TwitterPlugin plugin = new TwitterPlugin();
        plugin.setHostContext(context(Map.of("auth", "oauth1", "poll-interval", "often")));

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, plugin::start);

        assertTrue(e.getMessage().contains("'consumer-key'"));
        assertTrue(e.getMessage().contains("'poll-interval'"));
    }

    @Test
    void startWithNoSettingsAsksForTheOAuth2ClientOfV2() {
        TwitterPlugin plugin = new TwitterPlugin();
        plugin.setHostContext(context(Map.of()));

        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, plugin::start);

        assertTrue(e.getMessage().contains("'client-id'"), e.getMessage());
        assertTrue(e.getMessage().contains("'bot-account'"), e.getMessage());
    }

    @Test
    void theActionWorksOnlyWhileThePluginRunsAndThePluginRestarts() throws Exception {
        threadsBefore.addAll(Thread.getAllStackTraces().keySet());
        HostContext context = context(unreachableTwitter());
        TwitterPlugin plugin = new TwitterPlugin();
        plugin.setHostContext(context);
        SendTwitterDmAction action = new SendTwitterDmAction();
        action.setHostContext(context);
        Map<String, String> rule = Map.of("to", "queue-members", "template", "New {case.id}");

        plugin.start();
        action.execute(dispatched(), rule);
        plugin.stop();
        long threadsAfterStop = casebirdThreads();
        IllegalStateException stopped = assertThrows(IllegalStateException.class,
                () -> action.execute(dispatched(), rule));
        plugin.start();
        action.execute(dispatched(), rule);
        plugin.stop();

        assertEquals(0, threadsAfterStop);
        assertEquals("plugin not started", stopped.getMessage());
        assertEquals(0, casebirdThreads());
    }
}
