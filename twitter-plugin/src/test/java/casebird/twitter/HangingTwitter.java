package casebird.twitter;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.testing.FakeTwitter;
import casebird.twitter.testing.ForwardingTwitter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;

/**
 * A Twitter port whose credentials check never gets an answer: it blocks until its thread is
 * interrupted, then takes {@code teardown} to give up, as a client closing its connection
 * would, and fails as an unreachable API does. It can throw an {@link Error} first.
 */
final class HangingTwitter extends ForwardingTwitter {

    final CountDownLatch hanging = new CountDownLatch(1);
    private final Duration teardown;
    private Error first;

    HangingTwitter(Duration teardown) {
        super(new FakeTwitter());
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

}
