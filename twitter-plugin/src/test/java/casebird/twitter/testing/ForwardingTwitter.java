package casebird.twitter.testing;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RoomCreated;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A port that hands every call to another, for test decorators to extend and override only
 * the calls they change (crash, hang, fail or record).
 */
public abstract class ForwardingTwitter implements TwitterPort {

    /** The port every call not overridden goes to. */
    protected final TwitterPort twitter;

    protected ForwardingTwitter(TwitterPort twitter) {
        this.twitter = twitter;
    }

    @Override
    public BotAccount verifyCredentials() {
        return twitter.verifyCredentials();
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        return twitter.listEvents(cursor);
    }

    @Override
    public EventPage listEvents(Optional<String> cursor, int maxResults) {
        return twitter.listEvents(cursor, maxResults);
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        return twitter.send(recipientId, text);
    }

    @Override
    public RoomCreated createRoom(Collection<Long> participantIds, String text) {
        return twitter.createRoom(participantIds, text);
    }

    @Override
    public SentMessage postToRoom(long conversationId, String text) {
        return twitter.postToRoom(conversationId, text);
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        return twitter.lookupIds(screenNames);
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        return twitter.lookupNames(ids);
    }

    @Override
    public void destroy(long eventId) {
        twitter.destroy(eventId);
    }

    @Override
    public void registerWebhook(String env, URI url) {
        twitter.registerWebhook(env, url);
    }
}
