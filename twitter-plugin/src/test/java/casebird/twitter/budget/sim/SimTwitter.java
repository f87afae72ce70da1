package casebird.twitter.budget.sim;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.testing.FakeTwitter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Twitter's limits as the budget sees them, on a virtual clock, over the one {@link
 * FakeTwitter}: the {@link SimApi}'s limits in fixed windows opened by the first call (a
 * limit per day besides, like v2's sends, counted in a day window), headers on every answer
 * (to the budget, as the real port reports them), v1.1's free replies (up to 5 within 24 h
 * of an agent's DM), injected faults, and the agents' DMs pushed to the {@link SimWebhook}.
 * Under v2 it holds group conversations (the fake's: 2 to 49 others, listed with their
 * events), whose creations and posts count in the windows of one-to-one sends, as on X.
 */
final class SimTwitter implements TwitterPort {

    static final long BOT = FakeTwitter.BOT_ID;
    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration RATE_WINDOW = Duration.ofMinutes(15);

    private record Window(Instant reset, int used) {
        Window plusOne() {
            return new Window(reset, used + 1);
        }
    }

    private final FakeTwitter twitter;
    private final Clock clock;
    private final ApiBudget budget;
    private final Faults faults;
    private final SimWebhook webhook;
    private final ApiLimits limits;
    private final int freeReplies;
    private final Map<Endpoint, Window> windows = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Window> days = new EnumMap<>(Endpoint.class);
    private final Map<Long, Instant> lastDmFrom = new HashMap<>();
    private final Map<Long, Integer> freeRepliesUsed = new HashMap<>();
    private final List<FakeTwitter.Sent> roomPosts = new ArrayList<>();
    final Map<Endpoint, Integer> calls = new EnumMap<>(Endpoint.class);
    int unexpected429s;
    int injected;
    int extraPages;

    SimTwitter(Clock clock, SimApi api, ApiBudget budget, Faults faults, SimWebhook webhook) {
        this.twitter = new FakeTwitter(clock).cursorsById();
        this.clock = clock;
        this.limits = api.limits();
        this.freeReplies = api.freeReplies();
        this.budget = budget;
        this.faults = faults;
        this.webhook = webhook;
    }

    /** An agent's DM to the bot, listed from now on and pushed; returns its event id. */
    long dmToBot(long from, String text) {
        long id = twitter.dmToBot(from, text);
        webhook.dmSent(new DmEvent(id, from, BOT, text, clock.instant()));
        lastDmFrom.put(from, clock.instant());
        freeRepliesUsed.put(from, 0);
        return id;
    }

    /**
     * Every DM the bot sent and every message it posted in a room (the room's conversation
     * id as recipient), oldest first.
     */
    List<FakeTwitter.Sent> sent() {
        List<FakeTwitter.Sent> all = new ArrayList<>(twitter.sent());
        all.addAll(roomPosts);
        all.sort(Comparator.comparing(FakeTwitter.Sent::at));
        return all;
    }

    /** How many messages the bot posted in rooms, their creations included. */
    int roomPosts() {
        return roomPosts.size();
    }

    @Override
    public BotAccount verifyCredentials() {
        call(Endpoint.VERIFY_CREDENTIALS, true);
        return twitter.verifyCredentials();
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        call(Endpoint.DM_LIST, true);
        extraPages += cursor.isPresent() ? 1 : 0;
        return twitter.listEvents(cursor);
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        call(Endpoint.DM_SEND, !freeReply(recipientId));
        return twitter.send(recipientId, text);
    }

    private boolean freeReply(long recipientId) {
        Instant last = lastDmFrom.get(recipientId);
        int used = freeRepliesUsed.getOrDefault(recipientId, 0);
        if (last == null || used >= freeReplies || clock.instant().isAfter(last.plus(DAY))) {
            return false;
        }
        freeRepliesUsed.put(recipientId, used + 1);
        return true;
    }

    @Override
    public RoomCreated createRoom(Collection<Long> participantIds, String text) {
        call(Endpoint.DM_ROOM_SEND, true);
        RoomCreated room = twitter.createRoom(participantIds, text);
        roomPosts.add(new FakeTwitter.Sent(room.conversationId(), text, clock.instant()));
        return room;
    }

    @Override
    public SentMessage postToRoom(long conversationId, String text) {
        call(Endpoint.DM_ROOM_SEND, true);
        SentMessage sent = twitter.postToRoom(conversationId, text);
        roomPosts.add(new FakeTwitter.Sent(conversationId, text, clock.instant()));
        return sent;
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        call(Endpoint.USERS_LOOKUP, true);
        return twitter.lookupIds(screenNames);
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        call(Endpoint.USERS_LOOKUP, true);
        return twitter.lookupNames(ids);
    }

    @Override
    public void destroy(long eventId) {
        call(Endpoint.DM_DESTROY, true);
        twitter.destroy(eventId);
    }

    /** Push mode hands deliveries to the poller as the webhook route does: no registration. */
    @Override
    public void registerWebhook(String env, URI url) {
        throw new UnsupportedOperationException("the budget simulator has no webhooks");
    }

    private void call(Endpoint asked, boolean counts) {
        calls.merge(asked, 1, Integer::sum);
        Endpoint endpoint = asked == Endpoint.DM_ROOM_SEND ? Endpoint.DM_SEND : asked;
        Window w = window(windows, endpoint, limits.sendWindow(endpoint) ? DAY : RATE_WINDOW);
        Optional<Faults.Kind> fault = faults.next(clock.instant());
        if (fault.isPresent()) {
            injected++;
            throw fault.get().failure(endpoint, w.reset().getEpochSecond());
        }
        Optional<Window> spent = counts ? spentWindow(endpoint, w) : Optional.empty();
        if (spent.isPresent()) {
            unexpected429s++;
            throw new TwitterApiException(endpoint.path() + " rate limited", 429, 88,
                    OptionalLong.of(spent.get().reset().getEpochSecond()), null);
        }
        Window after = counts ? w.plusOne() : w;
        windows.put(endpoint, after);
        if (counts && limits.perSendWindow(endpoint).isPresent()) {
            days.put(endpoint, window(days, endpoint, DAY).plusOne());
        }
        int limit = limits.calls(endpoint);
        budget.learn(asked, limit, limit - after.used(), after.reset().getEpochSecond());
    }

    /** The window with no call left for the endpoint, if any: its own or its day's. */
    private Optional<Window> spentWindow(Endpoint endpoint, Window w) {
        if (w.used() >= limits.calls(endpoint)) {
            return Optional.of(w);
        }
        OptionalInt perDay = limits.perSendWindow(endpoint);
        Window day = perDay.isPresent() ? window(days, endpoint, DAY) : null;
        return day != null && day.used() >= perDay.getAsInt() ? Optional.of(day)
                : Optional.empty();
    }

    private Window window(Map<Endpoint, Window> open, Endpoint endpoint, Duration length) {
        Instant now = clock.instant();
        Window w = open.get(endpoint);
        if (w == null || !now.isBefore(w.reset())) {
            w = new Window(Instant.ofEpochSecond(now.plus(length).getEpochSecond()), 0);
            open.put(endpoint, w);
        }
        return w;
    }
}
