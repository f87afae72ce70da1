package casebird.twitter;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.testing.FakeTwitter;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A Twitter port whose credentials check never gets an answer: it blocks until its thread is
 * interrupted, then takes {@code teardown} to give up, as a client closing its connection
 * would, and fails as an unreachable API does. It can throw an {@link Error} first.
 */
final class HangingTwitter implements TwitterPort {

    final CountDownLatch hanging = new CountDownLatch(1);
    private final FakeTwitter twitter = new FakeTwitter();
    private final Duration teardown;
    private Error first;

    HangingTwitter(Duration teardown) {
        this.teardown = teardown;
    }

    /** The first credentials check throws that error instead of hanging. */
    HangingTwitter throwingFirst(Error error) {
        first = error;
        return this;
    }

    @Override
    public BotAccount verifyCredentials() {
        if (first != null) {
            Error error = first;
            first = null;
            throw error;
        }
        hanging.countDown();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException closed) {
            long end = System.nanoTime() + teardown.toNanos();
            while (System.nanoTime() < end) {
                LockSupport.parkNanos(end - System.nanoTime());
            }
        }
        throw new TwitterApiException("account/verify_credentials failed: connection closed",
                -1, -1, OptionalLong.empty(), null);
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        return twitter.listEvents(cursor);
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        return twitter.send(recipientId, text);
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
