package casebird.twitter;

import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.testing.ForwardingTwitter;

/** A Twitter port that passes a crash step before and after each send. */
final class CrashingTwitter extends ForwardingTwitter {

    private final CrashingSteps steps;

    CrashingTwitter(TwitterPort twitter, CrashingSteps steps) {
        super(twitter);
        this.steps = steps;
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        steps.pass("before the send");
        SentMessage sent = twitter.send(recipientId, text);
        steps.pass(CrashAtEveryStepTest.AFTER_SEND);
        return sent;
    }

}
