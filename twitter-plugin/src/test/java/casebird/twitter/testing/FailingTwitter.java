package casebird.twitter.testing;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;

/** Scripted failures over another Twitter port: the next calls of a kind fail, in order. */
public final class FailingTwitter extends ForwardingTwitter {

    private final Deque<TwitterApiException> sendFailures = new ArrayDeque<>();
    private final Deque<RuntimeException> verifyFailures = new ArrayDeque<>();
    private final Deque<TwitterApiException> webhookFailures = new ArrayDeque<>();

    /** Fails over that port, which answers every call not scripted to fail. */
    public FailingTwitter(TwitterPort twitter) {
        super(twitter);
    }

    /** The next send fails with this exception, and sends nothing. */
    public synchronized void failNextSend(TwitterApiException e) {
        sendFailures.add(e);
    }

    /** The next verify_credentials call reaches the port, then fails with this exception. */
    public synchronized void failNextVerify(RuntimeException e) {
        verifyFailures.add(e);
    }

    /** The next webhook registration fails with this exception, and registers nothing. */
    public synchronized void failNextWebhook(TwitterApiException e) {
        webhookFailures.add(e);
    }

    @Override
    public synchronized BotAccount verifyCredentials() {
        BotAccount bot = twitter.verifyCredentials();
        if (!verifyFailures.isEmpty()) {
            throw verifyFailures.poll();
        }
        return bot;
    }

    @Override
    public synchronized SentMessage send(long recipientId, String text) {
        if (!sendFailures.isEmpty()) {
            throw sendFailures.poll();
        }
        return twitter.send(recipientId, text);
    }

    @Override
    public synchronized void registerWebhook(String env, URI url) {
        if (!webhookFailures.isEmpty()) {
            throw webhookFailures.poll();
        }
        twitter.registerWebhook(env, url);
    }
}
