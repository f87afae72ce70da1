package casebird.harness.console;

import casebird.api.PluginHealth;
import casebird.api.crm.CaseNote;
import casebird.api.crm.CrmCase;
import casebird.harness.host.SimulatedHost;
import casebird.harness.scenario.World;
import casebird.harness.twitter.DirectMessage;
import casebird.harness.twitter.DmEvent;
import casebird.harness.twitter.GroupConversation;
import casebird.harness.twitter.GroupEvent;
import casebird.harness.twitter.TwitterAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads a live world into the {@link ConsoleState} the console's page shows. */
final class StateReader {

    private static final long NO_ACCOUNT = -1;

    private final World world;
    private final AuditTap audit;
    private final ConsoleActions actions;

    StateReader(World world, AuditTap audit, ConsoleActions actions) {
        this.world = world;
        this.audit = audit;
        this.actions = actions;
    }

    /** The world now; reading it changes nothing (before a bot is named, there is none). */
    ConsoleState read() {
        Optional<TwitterAccount> bot = world.resumed() ? Optional.of(world.bot())
                : Optional.empty();
        long botId = bot.map(TwitterAccount::id).orElse(NO_ACCOUNT);
        Map<String, String> handles = world.crm().usersWithField(World.HANDLE_FIELD);
        List<DirectMessage> dms = world.twitter().messages();
        Rooms rooms = new Rooms(world.twitter().v2().groups(),
                world.twitter().v2().groupEvents());
        List<ConsoleState.Account> accounts = world.twitter().accounts().stream()
                .filter(a -> a.id() != botId)
                .map(a -> account(a, botId, crmUser(a, handles), dms, rooms)).toList();
        List<ConsoleState.Case> cases = world.crm().cases().stream().map(StateReader::kase)
                .toList();
        ConsoleState.Health health = world.host().flatMap(SimulatedHost::health)
                .map(StateReader::health).orElse(null);
        return new ConsoleState(bot.map(TwitterAccount::screenName).orElse(null), accounts,
                world.crm().queues(), cases, health, audit.lines(), actions.history());
    }

    /** The groups and their events, as read once for the whole state. */
    private record Rooms(List<GroupConversation> groups, List<GroupEvent> events) {

        /** The messages of the groups holding both accounts. */
        List<GroupEvent> messagesOf(long accountId, long botId) {
            return events.stream().filter(GroupEvent::isMessage)
                    .filter(e -> groups.stream().anyMatch(g -> g.id().equals(e.conversationId())
                            && g.hasMember(accountId) && g.hasMember(botId)))
                    .toList();
        }
    }

    /**
     * The account with its DMs to and from the bot (destroyed ones too) and the messages of
     * the rooms it shares with the bot, oldest first.
     */
    private ConsoleState.Account account(TwitterAccount account, long botId,
            String crmUser, List<DirectMessage> dms, Rooms rooms) {
        List<ConsoleState.Message> messages = new ArrayList<>();
        dms.stream().filter(dm -> dm.involves(account.id()) && dm.involves(botId))
                .forEach(dm -> messages.add(message(dm, dm.text(), botId, null)));
        rooms.messagesOf(account.id(), botId).forEach(e -> messages.add(message(e, e.text(),
                botId, "room " + e.conversationId())));
        messages.sort(Comparator.comparingLong(ConsoleState.Message::id));
        return new ConsoleState.Account(account.screenName(), account.id(), crmUser, messages);
    }

    /** The login whose handle field names the account, by screen name or numeric id. */
    private static String crmUser(TwitterAccount account, Map<String, String> handles) {
        return handles.entrySet().stream().filter(e -> names(e.getValue(), account))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    private static boolean names(String handle, TwitterAccount account) {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        return name.equalsIgnoreCase(account.screenName())
                || name.equals(Long.toString(account.id()));
    }

    private ConsoleState.Message message(DmEvent event, String text, long botId, String room) {
        String sender = world.twitter().accountById(event.senderId())
                .map(TwitterAccount::screenName).orElse(Long.toString(event.senderId()));
        return new ConsoleState.Message(event.id(), event.senderId() == botId, sender, room,
                text, event.createdAt().toString());
    }

    private static ConsoleState.Case kase(CrmCase c) {
        List<CaseNote> notes = c.notes();
        ConsoleState.Note last = notes.isEmpty() ? null : note(notes.get(notes.size() - 1));
        return new ConsoleState.Case(c.id(), c.title(), c.status().word(),
                c.queue().orElse(null), c.owner().orElse(null), notes.size(), last);
    }

    private static ConsoleState.Note note(CaseNote note) {
        return new ConsoleState.Note(note.author(), note.text(), note.at().toString());
    }

    private static ConsoleState.Health health(PluginHealth h) {
        return new ConsoleState.Health(h.credentials().name().toLowerCase(Locale.ROOT),
                h.detail(), h.lastSuccessfulPoll().map(Object::toString).orElse(null),
                h.outboxBacklog(), new TreeMap<>(h.budgetLeft()));
    }
}
