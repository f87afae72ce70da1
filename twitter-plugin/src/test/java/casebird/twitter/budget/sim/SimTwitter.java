package casebird.twitter.budget.sim;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Twitter's v1.1 DM API as the budget sees it, on a virtual clock: Twitter's real limits in
 * fixed windows opened by the first call, headers on every answer (to the budget, as the
 * real port reports them), free replies (up to 5 within 24 h of an agent's DM), one list
 * holding received and sent DMs newest first in pages of 50, injected faults, and the
 * agents' DMs pushed to the {@link SimWebhook}.
 */
final class SimTwitter implements TwitterPort {

    static final long BOT = 1;
    private static final int PAGE = 50;

    private record Window(Instant reset, int used) {}

    private final Clock clock;
    private final ApiBudget budget;
    private final Faults faults;
    private final SimWebhook webhook;
    private final Map<Endpoint, Window> windows = new EnumMap<>(Endpoint.class);
    private final List<DmEvent> events = new ArrayList<>();
    private final Map<Long, Instant> lastDmFrom = new HashMap<>();
    private final Map<Long, Integer> freeRepliesUsed = new HashMap<>();
    final Map<Endpoint, Integer> calls = new EnumMap<>(Endpoint.class);
    final List<DmEvent> sent = new ArrayList<>();
    int unexpected429s;
    int injected;
    int extraPages;
    private long nextId = 1_000_000;

    SimTwitter(Clock clock, ApiBudget budget, Faults faults, SimWebhook webhook) {
        this.clock = clock;
        this.budget = budget;
        this.faults = faults;
        this.webhook = webhook;
    }

    /** An agent's DM to the bot, listed from now on and pushed; returns its event id. */
    long dmToBot(long from, String text) {
        long id = nextId++;
        DmEvent dm = new DmEvent(id, from, BOT, text, clock.instant());
        events.add(dm);
        webhook.dmSent(dm);
        lastDmFrom.put(from, clock.instant());
        freeRepliesUsed.put(from, 0);
        return id;
    }

    @Override
    public BotAccount verifyCredentials() {
        call(Endpoint.VERIFY_CREDENTIALS, true);
        return new BotAccount(BOT, "casebird");
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        call(Endpoint.DM_LIST, true);
        long below = cursor.map(Long::parseLong).orElse(Long.MAX_VALUE);
        extraPages += cursor.isPresent() ? 1 : 0;
        List<DmEvent> newestFirst = new ArrayList<>();
        int i = events.size() - 1;
        while (i >= 0 && events.get(i).id() >= below) {
            i--;
        }
        for (; i >= 0 && newestFirst.size() < PAGE; i--) {
            newestFirst.add(events.get(i));
        }
        boolean more = i >= 0;
        return new EventPage(newestFirst, more
                ? Optional.of(Long.toString(newestFirst.get(newestFirst.size() - 1).id()))
                : Optional.empty());
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        call(Endpoint.DM_SEND, !freeReply(recipientId));
        DmEvent dm = new DmEvent(nextId++, BOT, recipientId, text, clock.instant());
        events.add(dm);
        sent.add(dm);
        return new SentMessage(dm.id(), recipientId);
    }

    private boolean freeReply(long recipientId) {
        Instant last = lastDmFrom.get(recipientId);
        int used = freeRepliesUsed.getOrDefault(recipientId, 0);
        if (last == null || used >= 5 || clock.instant().isAfter(last.plus(Duration.ofDays(1)))) {
            return false;
        }
        freeRepliesUsed.put(recipientId, used + 1);
        return true;
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        call(Endpoint.USERS_LOOKUP, true);
        return Map.of();
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        call(Endpoint.USERS_LOOKUP, true);
        return Map.of();
    }

    @Override
    public void destroy(long eventId) {
        call(Endpoint.DM_DESTROY, true);
        events.removeIf(e -> e.id() == eventId);
    }

    /** Push mode hands deliveries to the poller as the webhook route does: no registration. */
    @Override
    public void registerWebhook(String env, URI url) {
        throw new UnsupportedOperationException("the budget simulator has no webhooks");
    }

    private void call(Endpoint endpoint, boolean counts) {
        calls.merge(endpoint, 1, Integer::sum);
        Window w = window(endpoint);
        int limit = limit(endpoint);
        Optional<Faults.Kind> fault = faults.next(clock.instant());
        if (fault.isPresent()) {
            injected++;
            throw fault.get().failure(endpoint, w.reset().getEpochSecond());
        }
        if (counts && w.used() >= limit) {
            unexpected429s++;
            throw new TwitterApiException(endpoint.path() + " rate limited", 429, 88,
                    OptionalLong.of(w.reset().getEpochSecond()), null);
        }
        Window after = counts ? new Window(w.reset(), w.used() + 1) : w;
        windows.put(endpoint, after);
        budget.learn(endpoint, limit, limit - after.used(), after.reset().getEpochSecond());
    }

    private Window window(Endpoint endpoint) {
        Instant now = clock.instant();
        Window w = windows.get(endpoint);
        if (w == null || !now.isBefore(w.reset())) {
            Duration length = endpoint == Endpoint.DM_SEND
                    ? Duration.ofDays(1) : Duration.ofMinutes(15);
            w = new Window(Instant.ofEpochSecond(now.plus(length).getEpochSecond()), 0);
            windows.put(endpoint, w);
        }
        return w;
    }

    private static int limit(Endpoint endpoint) {
        return switch (endpoint) {
            case DM_LIST, DM_DESTROY, WEBHOOKS -> 15;
            case DM_SEND -> 1000;
            case USERS_LOOKUP -> 900;
            case VERIFY_CREDENTIALS -> 75;
        };
    }
}
