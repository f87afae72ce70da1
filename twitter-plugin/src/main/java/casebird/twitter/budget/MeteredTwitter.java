package casebird.twitter.budget;

import casebird.twitter.budget.SpendMeter.Resource;
import casebird.twitter.client.BotAccount;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TwitterPort} that charges the {@link SpendMeter} for what each answer returned
 * (events listed, users returned, DMs sent) and keeps calls within the day's spend cap: a
 * list page asks for no more events than the cap still pays for, and a call the cap cannot
 * pay for throws {@link BudgetSpentException} until the next UTC day. It wraps the
 * {@link BudgetedTwitter}, so a call refused here spends no rate limit.
 */
public final class MeteredTwitter implements TwitterPort {

    private final TwitterPort twitter;
    private final SpendMeter meter;

    /** Wraps a port whose calls X bills to the meter. */
    public MeteredTwitter(TwitterPort twitter, SpendMeter meter) {
        this.twitter = twitter;
        this.meter = meter;
    }

    @Override
    public BotAccount verifyCredentials() {
        BotAccount bot = afford(Endpoint.VERIFY_CREDENTIALS, 1, twitter::verifyCredentials);
        meter.charge(Resource.USER_RETURNED, List.of(Long.toString(bot.id())));
        return bot;
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        return listEvents(cursor, DEFAULT_PAGE_SIZE);
    }

    @Override
    public EventPage listEvents(Optional<String> cursor, int maxResults) {
        int affordable = meter.affordable(Endpoint.DM_LIST, maxResults);
        EventPage page = afford(Endpoint.DM_LIST, affordable,
                () -> twitter.listEvents(cursor, affordable));
        meter.charge(Resource.DM_EVENT_READ,
                page.events().stream().map(e -> Long.toString(e.id())).toList());
        return page;
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        SentMessage sent = afford(Endpoint.DM_SEND, 1, () -> twitter.send(recipientId, text));
        meter.chargeSend();
        return sent;
    }

    @Override
    public RoomCreated createRoom(Collection<Long> participantIds, String text) {
        RoomCreated room = afford(Endpoint.DM_ROOM_SEND, 1,
                () -> twitter.createRoom(participantIds, text));
        meter.chargeSend();
        return room;
    }

    @Override
    public SentMessage postToRoom(long conversationId, String text) {
        SentMessage sent = afford(Endpoint.DM_ROOM_SEND, 1,
                () -> twitter.postToRoom(conversationId, text));
        meter.chargeSend();
        return sent;
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        Map<String, Long> ids = afford(Endpoint.USERS_LOOKUP, screenNames.size(),
                () -> twitter.lookupIds(screenNames));
        meter.charge(Resource.USER_RETURNED, ids.values().stream().map(String::valueOf)
                .toList());
        return ids;
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        Map<Long, String> names = afford(Endpoint.USERS_LOOKUP, ids.size(),
                () -> twitter.lookupNames(ids));
        meter.charge(Resource.USER_RETURNED, names.keySet().stream().map(String::valueOf)
                .toList());
        return names;
    }

    @Override
    public void destroy(long eventId) {
        twitter.destroy(eventId);
    }

    @Override
    public void registerWebhook(String env, URI url) {
        twitter.registerWebhook(env, url);
    }

    /** Makes the call when the cap pays for {@code resources} (at least one) of its kind. */
    private <T> T afford(Endpoint endpoint, int resources, Supplier<T> call) {
        int needed = Math.max(1, resources);
        if (meter.affordable(endpoint, needed) < needed) {
            throw new BudgetSpentException(endpoint, meter.nextDay());
        }
        return call.get();
    }
}
