package casebird.twitter.budget.sim;

import casebird.twitter.budget.ApiBudget;
import casebird.twitter.budget.ApiLimits;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.testing.FakeTwitter;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Twitter's v1.1 limits as the budget sees them, on a virtual clock, over the one
 * {@link FakeTwitter}: {@link Endpoint}'s limits in fixed windows opened by the first call,
 * headers on every answer (to the budget, as the real port reports them), free replies (up
 * to 5 within 24 h of an agent's DM), injected faults, and the agents' DMs pushed to the
 * {@link SimWebhook}.
 */
final class SimTwitter implements TwitterPort {

    static final long BOT = FakeTwitter.BOT_ID;
    private static final ApiLimits LIMITS = ApiLimits.v1_1();
    private static final int FREE_REPLIES = 5;

    private record Window(Instant reset, int used) {}

    private final FakeTwitter twitter;
    private final Clock clock;
    private final ApiBudget budget;
    private final Faults faults;
    private final SimWebhook webhook;
    private final Map<Endpoint, Window> windows = new EnumMap<>(Endpoint.class);
    private final Map<Long, Instant> lastDmFrom = new HashMap<>();
    private final Map<Long, Integer> freeRepliesUsed = new HashMap<>();
    final Map<Endpoint, Integer> calls = new EnumMap<>(Endpoint.class);
    int unexpected429s;
    int injected;
    int extraPages;

    SimTwitter(Clock clock, ApiBudget budget, Faults faults, SimWebhook webhook) {
        this.twitter = new FakeTwitter(clock).cursorsById();
        this.clock = clock;
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

    /** Every DM the bot sent, oldest first. */
    List<FakeTwitter.Sent> sent() {
        return twitter.sent();
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
        if (last == null || used >= FREE_REPLIES
                || clock.instant().isAfter(last.plus(Duration.ofDays(1)))) {
            return false;
        }
        freeRepliesUsed.put(recipientId, used + 1);
        return true;
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

    private void call(Endpoint endpoint, boolean counts) {
        calls.merge(endpoint, 1, Integer::sum);
        Window w = window(endpoint);
        int limit = LIMITS.calls(endpoint);
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
            Duration length = LIMITS.sendWindow(endpoint) ? Duration.ofDays(1) : Duration.ofMinutes(15);
            w = new Window(Instant.ofEpochSecond(now.plus(length).getEpochSecond()), 0);
            windows.put(endpoint, w);
        }
        return w;
    }
}
