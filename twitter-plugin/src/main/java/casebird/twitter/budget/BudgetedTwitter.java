package casebird.twitter.budget;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A {@link TwitterPort} that makes a call only when the {@link ApiBudget} allows it, and
 * tells the budget how each call ended; the port it wraps reports the rate-limit headers.
 *
 * <p>Every method throws {@link BudgetSpentException} instead of calling past the budget.
 */
public final class BudgetedTwitter implements TwitterPort {

    private final TwitterPort twitter;
    private final ApiBudget budget;

    /** Wraps a port; the same budget should receive that port's headers. */
    public BudgetedTwitter(TwitterPort twitter, ApiBudget budget) {
        this.twitter = twitter;
        this.budget = budget;
    }

    @Override
    public BotAccount verifyCredentials() {
        return call(Endpoint.VERIFY_CREDENTIALS, twitter::verifyCredentials);
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        return call(Endpoint.DM_LIST, () -> twitter.listEvents(cursor));
    }

    @Override
    public EventPage listEvents(Optional<String> cursor, int maxResults) {
        return call(Endpoint.DM_LIST, () -> twitter.listEvents(cursor, maxResults));
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        return call(Endpoint.DM_SEND, () -> twitter.send(recipientId, text));
    }

    @Override
    public RoomCreated createRoom(Collection<Long> participantIds, String text) {
        return call(Endpoint.DM_ROOM_SEND, () -> twitter.createRoom(participantIds, text));
    }

    @Override
    public SentMessage postToRoom(long conversationId, String text) {
        return call(Endpoint.DM_ROOM_SEND, () -> twitter.postToRoom(conversationId, text));
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        return call(Endpoint.USERS_LOOKUP, () -> twitter.lookupIds(screenNames));
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        return call(Endpoint.USERS_LOOKUP, () -> twitter.lookupNames(ids));
    }

    @Override
    public void destroy(long eventId) {
        call(Endpoint.DM_DESTROY, () -> {
            twitter.destroy(eventId);
            return eventId;
        });
    }

    @Override
    public void registerWebhook(String env, URI url) {
        call(Endpoint.WEBHOOKS, () -> {
            twitter.registerWebhook(env, url);
            return url;
        });
    }

    private <T> T call(Endpoint endpoint, Supplier<T> call) {
        return budget.call(endpoint, call);
    }
}
