package casebird.twitter;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A Twitter port that passes a crash step before and after each send. */
final class CrashingTwitter implements TwitterPort {

    private final TwitterPort twitter;
    private final CrashingSteps steps;

    CrashingTwitter(TwitterPort twitter, CrashingSteps steps) {
        this.twitter = twitter;
        this.steps = steps;
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
    public SentMessage send(long recipientId, String text) {
        steps.pass("before the send");
        SentMessage sent = twitter.send(recipientId, text);
        steps.pass(CrashAtEveryStepTest.AFTER_SEND);
        return sent;
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
