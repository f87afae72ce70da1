package casebird.twitter.testing;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.RoomRefusedException;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A working in-memory Twitter: accounts, a DM event list served newest first in pages
 * with cursors, sends recorded (and added to the list as Twitter does); {@link
 * FailingTwitter} adds scripted failures.
 *
 * <p>Group conversations behave as X's: 2 to 49 other participants, a whole creation
 * refused (403 naming the first refuser) when one does not accept group DMs, a
 * {@code ParticipantsJoin} event and the first message listed, posts only by members.
 */
public final class FakeTwitter implements TwitterPort {

    /** A DM the bot sent, and when. */
    public record Sent(long recipientId, String text, Instant at) {}

    public static final long BOT_ID = 1000;

    /** A group conversation the bot is in, with its other participants. */
    public record Group(long id, List<Long> members) {}

    /** A message in a group conversation, and its sender. */
    public record Posted(long conversationId, long senderId, String text) {}

    private final Map<Long, Group> groups = new LinkedHashMap<>();
    private final List<Posted> posted = new ArrayList<>();
    private final Set<Long> refuseGroups = new HashSet<>();
    private final Set<Long> left = new HashSet<>();
    private boolean groupsRefused;
    private long nextGroupId = 900_000;

    private final Map<String, Long> accounts = new HashMap<>();
    private final List<DmEvent> events = new ArrayList<>();
    private int verifyCalls;
    private final List<Sent> sent = new ArrayList<>();
    private final List<Optional<String>> listCalls = new ArrayList<>();
    private final List<Collection<String>> lookups = new ArrayList<>();
    private final List<Collection<Long>> idLookups = new ArrayList<>();
    private final List<URI> webhooks = new ArrayList<>();
    private final Clock clock;
    private int pageSize = 50;
    private boolean cursorsById;
    private long nextEventId = 5000;

    /** A fake whose events are all created at the epoch. */
    public FakeTwitter() {
        this(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC));
    }

    /** A fake that stamps each event with that clock's time. */
    public FakeTwitter(Clock clock) {
        this.clock = clock;
    }

    public synchronized FakeTwitter account(String screenName, long id) {
        accounts.put(screenName.toLowerCase(Locale.ROOT), id);
        return this;
    }

    public synchronized FakeTwitter pageSize(int size) {
        pageSize = size;
        return this;
    }

    /**
     * Makes each cursor name the last event listed, as Twitter's do, so DMs arriving between
     * two pages shift nothing; by default a cursor is an offset into the list, which tests
     * read more easily.
     */
    public synchronized FakeTwitter cursorsById() {
        cursorsById = true;
        return this;
    }

    /** An account sends the bot a DM; returns the event id. */
    public synchronized long dmToBot(long senderId, String text) {
        long id = nextEventId++;
        events.add(new DmEvent(id, senderId, BOT_ID, text, clock.instant()));
        return id;
    }

    /** The account does not accept group DMs: X refuses any group that names it. */
    public synchronized FakeTwitter refusesGroups(long id) {
        refuseGroups.add(id);
        return this;
    }

    /** The bot is no longer in that group: X refuses its posts there (403 naming nobody). */
    public synchronized void botLeaves(long conversationId) {
        left.add(conversationId);
    }

    /** X refuses every group creation with a 403 that names nobody. */
    public synchronized FakeTwitter refuseAllGroups() {
        groupsRefused = true;
        return this;
    }

    /** A member posts in a group conversation; returns the event id. */
    public synchronized long dmInGroup(long senderId, long conversationId, String text) {
        Group group = groups.get(conversationId);
        if (group == null || !group.members().contains(senderId)) {
            throw new IllegalArgumentException(senderId + " is not in group " + conversationId);
        }
        long id = nextEventId++;
        events.add(DmEvent.inRoom(id, senderId, conversationId, text, clock.instant()));
        posted.add(new Posted(conversationId, senderId, text));
        return id;
    }

    /**
     * Someone else makes a group with the bot and {@code others} (as anyone can in X's app):
     * X lists its {@code ParticipantsJoin} with that creator as sender; returns its id.
     */
    public synchronized long groupMadeBy(long creator, List<Long> others) {
        long conversation = nextGroupId++;
        List<Long> everyone = new ArrayList<>(others);
        everyone.add(creator);
        groups.put(conversation, new Group(conversation, List.copyOf(everyone)));
        List<Long> listed = new ArrayList<>(everyone);
        listed.add(BOT_ID);
        events.add(DmEvent.joined(nextEventId++, creator, conversation, listed,
                clock.instant()));
        return conversation;
    }

    /**
     * A participant adds accounts to a group in X's app (the API has no such call): X lists
     * a {@code ParticipantsJoin} sent by that participant naming the newcomers.
     */
    public synchronized void addsToGroup(long adder, long conversationId, List<Long> newcomers) {
        Group group = groups.get(conversationId);
        List<Long> members = new ArrayList<>(group.members());
        members.addAll(newcomers);
        groups.put(conversationId, new Group(conversationId, List.copyOf(members)));
        events.add(DmEvent.joined(nextEventId++, adder, conversationId, newcomers,
                clock.instant()));
    }

    /** The groups the bot is in, oldest first. */
    public synchronized List<Group> groups() {
        return List.copyOf(groups.values());
    }

    /** The texts the bot posted in a group, oldest first. */
    public synchronized List<String> textsInGroup(long conversationId) {
        return posted.stream().filter(p -> p.conversationId() == conversationId
                && p.senderId() == BOT_ID).map(Posted::text).toList();
    }

    /** Reserves an event id now for a DM that {@link #surface} lists later, as a late event. */
    public synchronized long reserveEventId() {
        return nextEventId++;
    }

    /** A DM to the bot with a reserved id and creation time shows up in the list only now. */
    public synchronized void surface(long id, long senderId, String text, Instant createdAt) {
        events.add(new DmEvent(id, senderId, BOT_ID, text, createdAt));
    }

    /** A member's post in a group with a reserved id shows up in the list only now. */
    public synchronized void surfaceInGroup(long id, long senderId, long conversationId,
            String text, Instant createdAt) {
        events.add(DmEvent.inRoom(id, senderId, conversationId, text, createdAt));
        posted.add(new Posted(conversationId, senderId, text));
    }

    /** The ids of the events the bot still sees. */
    public synchronized List<Long> listedIds() {
        return events.stream().map(DmEvent::id).toList();
    }

    /** The URLs registered as webhooks, in order. */
    public synchronized List<URI> webhooks() {
        return List.copyOf(webhooks);
    }

    public synchronized int verifyCalls() {
        return verifyCalls;
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }

    public synchronized List<String> textsTo(long recipientId) {
        return sent.stream().filter(s -> s.recipientId() == recipientId).map(Sent::text).toList();
    }

    public synchronized List<Optional<String>> listCalls() {
        return List.copyOf(listCalls);
    }

    public synchronized List<Collection<String>> lookups() {
        return List.copyOf(lookups);
    }

    @Override
    public synchronized BotAccount verifyCredentials() {
        verifyCalls++;
        return new BotAccount(BOT_ID, "casebird");
    }

    @Override
    public synchronized EventPage listEvents(Optional<String> cursor) {
        listCalls.add(cursor);
        List<DmEvent> newestFirst = events.stream()
                .sorted(Comparator.comparingLong(DmEvent::id).reversed()).toList();
        int from = cursor.map(c -> offset(newestFirst, c)).orElse(0);
        int to = Math.min(newestFirst.size(), from + pageSize);
        Optional<String> next = to < newestFirst.size()
                ? Optional.of(cursorsById ? Long.toString(newestFirst.get(to - 1).id())
                        : Integer.toString(to))
                : Optional.empty();
        return new EventPage(newestFirst.subList(from, to), next);
    }

    private int offset(List<DmEvent> newestFirst, String cursor) {
        if (!cursorsById) {
            return Integer.parseInt(cursor);
        }
        long below = Long.parseLong(cursor);
        int i = 0;
        while (i < newestFirst.size() && newestFirst.get(i).id() >= below) {
            i++;
        }
        return i;
    }

    @Override
    public synchronized SentMessage send(long recipientId, String text) {
        sent.add(new Sent(recipientId, text, clock.instant()));
        long id = nextEventId++;
        events.add(new DmEvent(id, BOT_ID, recipientId, text, clock.instant()));
        return new SentMessage(id, recipientId);
    }

    @Override
    public synchronized RoomCreated createRoom(Collection<Long> participantIds, String text) {
        List<Long> members = List.copyOf(participantIds);
        if (members.size() < 2 || members.size() > 49 || members.contains(BOT_ID)) {
            throw new TwitterApiException("POST /2/dm_conversations failed: participant_ids"
                    + " must name 2 to 49 other users", 400, -1, OptionalLong.empty(), null);
        }
        if (groupsRefused) {
            throw new RoomRefusedException("POST /2/dm_conversations failed: not permitted",
                    OptionalLong.empty());
        }
        Optional<Long> refuser = members.stream().filter(refuseGroups::contains).findFirst();
        if (refuser.isPresent()) {
            throw new RoomRefusedException("POST /2/dm_conversations failed: user "
                    + refuser.get() + " does not accept group DMs", OptionalLong.of(refuser.get()));
        }
        long conversation = nextGroupId++;
        groups.put(conversation, new Group(conversation, members));
        List<Long> everyone = new ArrayList<>(members);
        everyone.add(BOT_ID);
        events.add(DmEvent.joined(nextEventId++, BOT_ID, conversation, everyone,
                clock.instant()));
        return new RoomCreated(conversation, postToRoom(conversation, text).eventId());
    }

    @Override
    public synchronized SentMessage postToRoom(long conversationId, String text) {
        if (!groups.containsKey(conversationId) || left.contains(conversationId)) {
            throw new TwitterApiException("POST /2/dm_conversations/:id/messages failed: not"
                    + " in that conversation", 403, -1, OptionalLong.empty(), null);
        }
        long id = nextEventId++;
        events.add(DmEvent.inRoom(id, BOT_ID, conversationId, text, clock.instant()));
        posted.add(new Posted(conversationId, BOT_ID, text));
        return new SentMessage(id, conversationId);
    }

    @Override
    public synchronized Map<String, Long> lookupIds(Collection<String> screenNames) {
        lookups.add(List.copyOf(screenNames));
        Map<String, Long> ids = new HashMap<>();
        for (String name : screenNames) {
            Long id = accounts.get(name.toLowerCase(Locale.ROOT));
            if (id != null) {
                ids.put(name, id);
            }
        }
        return ids;
    }

    @Override
    public synchronized Map<Long, String> lookupNames(Collection<Long> ids) {
        idLookups.add(List.copyOf(ids));
        Map<Long, String> names = new HashMap<>();
        accounts.forEach((name, id) -> {
            if (ids.contains(id)) {
                names.put(id, name);
            }
        });
        return names;
    }

    /** The id lists of every users/lookup by id, in order. */
    public synchronized List<Collection<Long>> idLookups() {
        return List.copyOf(idLookups);
    }

    @Override
    public synchronized void destroy(long eventId) {
        events.removeIf(e -> e.id() == eventId);
    }

    @Override
    public synchronized void registerWebhook(String env, URI url) {
        webhooks.add(url);
    }
}
