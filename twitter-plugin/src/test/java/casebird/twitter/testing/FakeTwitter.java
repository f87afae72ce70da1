package casebird.twitter.testing;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.EventPage;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A working in-memory Twitter: accounts, a DM event list served newest first in pages
 * with cursors, sends recorded (and added to the list as Twitter does); {@link
 * FailingTwitter} adds scripted failures.
 */
public final class FakeTwitter implements TwitterPort {

    /** A DM the bot sent, and when. */
    public record Sent(long recipientId, String text, Instant at) {}

    public static final long BOT_ID = 1000;

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

    /** Reserves an event id now for a DM that {@link #surface} lists later, as a late event. */
    public synchronized long reserveEventId() {
        return nextEventId++;
    }

    /** A DM to the bot with a reserved id and creation time shows up in the list only now. */
    public synchronized void surface(long id, long senderId, String text, Instant createdAt) {
        events.add(new DmEvent(id, senderId, BOT_ID, text, createdAt));
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
