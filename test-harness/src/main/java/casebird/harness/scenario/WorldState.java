package casebird.harness.scenario;

import casebird.api.rule.RuleEvent;
import casebird.harness.host.RuleManager;
import casebird.harness.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What a world keeps besides the CRM and the fake API: the bot's account and how the plugin
 * reaches it, the rules, the CRM events whose actions have run and the folder holding the
 * plugin's data; kept in a journal when the world lives in a folder.
 */
final class WorldState implements AutoCloseable {

    private static final String FIRST_DATA = "plugin-data";

    private final Consumer<WorldChange> log;
    private final Runnable closeFile;
    private final List<RuleManager.Rule> rules = new ArrayList<>();
    private final Set<String> eventsRun = new HashSet<>();
    private OptionalLong botId = OptionalLong.empty();
    private Optional<WorldChange.Connection> connection = Optional.empty();
    private String dataFolder = FIRST_DATA;
    private int crashes;

    private WorldState(Consumer<WorldChange> log, Runnable closeFile) {
        this.log = log;
        this.closeFile = closeFile;
    }

    /** A state kept only in memory. */
    static WorldState inMemory() {
        return new WorldState(change -> { }, () -> { });
    }

    /** A state restored from, and from now on written to, a journal file. */
    static WorldState open(Path file) {
        JsonLinesJournal.Opened<WorldChange> opened =
                JsonLinesJournal.open(file, WorldChange.class);
        WorldState state = new WorldState(opened.journal()::append, opened.journal()::close);
        opened.records().forEach(state::apply);
        return state;
    }

    synchronized OptionalLong botId() {
        return botId;
    }

    void recordBot(long accountId) {
        change(new WorldChange.Bot(accountId));
    }

    /** How the plugin reached the bot when it last started, if it ever did. */
    synchronized Optional<WorldChange.Connection> connection() {
        return connection;
    }

    /** Notes how the plugin reaches the bot, unless that is already noted. */
    void recordConnection(WorldChange.Connection now) {
        if (!connection().equals(Optional.of(now))) {
            change(now);
        }
    }

    synchronized List<RuleManager.Rule> rules() {
        return List.copyOf(rules);
    }

    void recordRule(RuleManager.Rule rule) {
        change(new WorldChange.Rule(rule.id(), rule.on().word(), rule.queue().orElse(null),
                rule.actionId(), rule.settings()));
    }

    synchronized boolean eventRun(String eventId) {
        return eventsRun.contains(eventId);
    }

    void recordEventRun(RuleEvent event) {
        change(new WorldChange.EventRun(event.eventId()));
    }

    /** The folder (relative to the world's root) holding the plugin's data now. */
    synchronized String dataFolder() {
        return dataFolder;
    }

    /** The folder name the plugin's data is copied to at the next crash. */
    synchronized String dataFolderAfterCrash() {
        return FIRST_DATA + "-" + (crashes + 2);
    }

    /** Notes that the plugin's data now lives in that folder. */
    void recordDataFolder(String folder) {
        change(new WorldChange.PluginData(folder));
    }

    /** Closes the journal file, if any. */
    @Override
    public void close() {
        closeFile.run();
    }

    private synchronized void change(WorldChange change) {
        log.accept(change);
        apply(change);
    }

    private synchronized void apply(WorldChange change) {
        if (change instanceof WorldChange.Bot b) {
            botId = OptionalLong.of(b.accountId());
        } else if (change instanceof WorldChange.Connection c) {
            connection = Optional.of(c);
        } else if (change instanceof WorldChange.Rule r) {
            rules.add(new RuleManager.Rule(r.id(), ScenarioParser.eventType(r.on()).orElseThrow(),
                    Optional.ofNullable(r.queue()), r.actionId(), r.settings()));
        } else if (change instanceof WorldChange.EventRun e) {
            eventsRun.add(e.eventId());
        } else if (change instanceof WorldChange.PluginData d) {
            dataFolder = d.folder();
            crashes++;
        }
    }
}
