package casebird.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.twitter.command.CommandService;
import casebird.twitter.command.Handled;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.inbox.DirectMessagePoller;
import casebird.twitter.outbox.OutboxEntry;
import casebird.twitter.outbox.OutboxSender;
import casebird.twitter.outbox.Recipient;
import casebird.twitter.state.StateStore;
import casebird.twitter.testing.FakeCrm;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.MutableClock;
import casebird.twitter.testing.TestSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crashes the plugin at each step of handling commands and sending DMs in turn, then runs a
 * fresh instance on the store file as the crash left it on disk: every command takes effect
 * exactly once (the commands run through the plugin's {@link CommandService}, and the fake
 * CRM records every change it applies, once per idempotency key as the real one does),
 * every notice and reply is sent at least once, and a DM is sent twice only when the crash
 * fell between Twitter accepting it and its removal from the outbox.
 */
class CrashAtEveryStepTest {

    static final String AFTER_SEND = "after the send, before its removal";
    private static final long ALICE = 11;
    private static final long BOB = 12;
    private static final PluginSettings SETTINGS = TestSettings.from(Map.of(
            "retry-base", "1s", "retry-cap", "5s", "rate-limit-margin", "1s"));

    @TempDir Path root;
    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void everyCommandTakesEffectOnceAndEveryDmGoesOutWhicheverStepCrashes() throws IOException {
        Set<String> crashedSteps = new TreeSet<>();
        int crashes = 0;
        int duplicatedDms = 0;
        for (int crashAt = 1; ; crashAt++) {
            Run run = new Run(root.resolve("run-" + crashAt), new CrashingSteps(crashAt));
            String crashed = run.play();
            run.assertExactlyOnceEffectsAndAtLeastOnceDms(crashAt, crashed);
            if (crashed == null) {
                break;
            }
            crashes++;
            duplicatedDms += run.twitter.sent().size() - Run.DMS;
            crashedSteps.add(crashed);
        }
        System.out.printf("crash points %d, commands %d, DMs %d per run, duplicated effects 0,"
                + " lost effects 0 (asserted per run), duplicated DMs %d%n", crashes,
                Run.COMMANDS, Run.DMS, duplicatedDms);
        assertEquals(Set.of("before the CRM call", "after the CRM call, before the commit",
                "before the send", AFTER_SEND), crashedSteps);
    }

    /** One world (Twitter and the CRM survive crashes) and the plugin instances run in it. */
    private final class Run {
        static final int COMMANDS = 3;
        static final int DMS = COMMANDS + 1;
        private final Path dir;
        private final CrashingSteps steps;
        private final FakeTwitter twitter = new FakeTwitter(clock)
                .account("alice_t", ALICE).account("bob_t", BOB);
        private final FakeCrm crm = new FakeCrm(clock)
                .user("alice", "@alice_t", "Support").user("bob", "@bob_t", "Support")
                .dispatchedCase(1, "Case 1", "Support").dispatchedCase(2, "Case 2", "Support");
        private final Map<Long, FakeCrm.Change> commands = new LinkedHashMap<>();
        private final Map<Long, String> replies = new LinkedHashMap<>();

        Run(Path dir, CrashingSteps steps) {
            this.dir = dir;
            this.steps = steps;
        }

        /** Plays the story; returns the step it crashed at, or null when it did not crash. */
        String play() throws IOException {
            Instance first = new Instance(Files.createDirectories(dir.resolve("a")));
            first.poller.pollOnce();
            first.store.outbox().appendNotices("rule-event-1", List.of(OutboxEntry.queued(
                    Recipient.login("alice"), "New case 1", false, clock.instant())));
            command(ALICE, "accept 1", new FakeCrm.Change("accept", 1, "alice"),
                    "Accepted case 1 (Case 1). It's yours.");
            command(BOB, "log 2 called", new FakeCrm.Change("note", 2, "bob"),
                    "Logged your note on case 2.");
            command(ALICE, "close 1", new FakeCrm.Change("close", 1, "alice"),
                    "Closed case 1.");
            steps.arm();
            try {
                first.runUntilQuiet();
                first.store.close();
                return null;
            } catch (Crash crash) {
                steps.disarm();
                Path onDisk = copyOf(dir.resolve("a"), dir.resolve("b"));
                first.store.close();
                Instance second = new Instance(onDisk);
                second.runUntilQuiet();
                second.store.close();
                return crash.getMessage();
            }
        }

        private void command(long sender, String text, FakeCrm.Change effect,
                String reply) {
            long id = twitter.dmToBot(sender, text);
            commands.put(id, effect);
            replies.put(id, sender + "|" + reply);
        }

        void assertExactlyOnceEffectsAndAtLeastOnceDms(int crashAt, String crashed) {
            String when = "crash at step " + crashAt + " (" + crashed + ")";
            List<FakeCrm.Change> changes = crm.changes();
            for (FakeCrm.Change effect : commands.values()) {
                assertEquals(1, Collections.frequency(changes, effect), when + ": " + changes);
            }
            assertEquals(COMMANDS, changes.size(), when + ": " + changes);
            int sent = twitter.sent().size();
            int extra = AFTER_SEND.equals(crashed) ? 1 : 0;
            assertTrue(sent >= DMS && sent <= DMS + extra, when + ": " + twitter.sent());
            assertTrue(twitter.textsTo(ALICE).contains("New case 1"), when);
            for (String reply : replies.values()) {
                String[] toAndText = reply.split("\\|", 2);
                assertTrue(twitter.textsTo(Long.parseLong(toAndText[0]))
                        .contains(toAndText[1]), when + ": " + twitter.sent());
            }
        }

        private Path copyOf(Path from, Path to) throws IOException {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path f : files.toList()) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
            return to;
        }

        /** One start of the plugin on a data directory. */
        private final class Instance {
            final StateStore store;
            final DirectMessagePoller poller;
            final OutboxSender sender;

            Instance(Path data) {
                store = StateStore.open(data);
                CommandService service = new CommandService(crm);
                PluginAssembly.Parts parts = new PluginAssembly(SETTINGS, clock, new Random(1))
                        .parts(new CrashingTwitter(twitter, steps), store, crm,
                                (login, eventId, text) -> {
                                    steps.pass("before the CRM call");
                                    Handled handled = service.handle(login, eventId, text);
                                    steps.pass("after the CRM call, before the commit");
                                    return handled;
                                }, h -> { });
                poller = parts.poller();
                sender = parts.sender();
            }

            void runUntilQuiet() {
                for (int i = 0; i < 3; i++) {
                    poller.pollOnce();
                    sender.sendDue();
                    clock.advance(Duration.ofSeconds(10));
                }
            }
        }
    }
}
