package casebird.harness.scenario;

import casebird.harness.twitter.Endpoint;
import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.RecordedCall;
import java.util.List;
import java.util.Optional;

/**
 * When a starting plugin instance counts as taking DMs by push, as the fake sees it: under
 * v1.1, once it asked to subscribe its webhook; with the X Activity API's stream, once a
 * stream of the app is connected, a {@code dm.received} subscription for the bot without a
 * webhook exists, and this instance connected a stream; with a v2 webhook, once the app's
 * webhook is valid, a subscription for the bot names it, and this instance asked about
 * webhooks. Without push, at once.
 */
final class PushReadiness {

    /** How the plugin takes DMs. */
    enum Mode { POLL, V1_WEBHOOK, V2_WEBHOOK, STREAM }

    private final FakeTwitterApi twitter;
    private final Mode mode;
    private final long botId;
    private final int callsBefore;
    private final int subscriptionsBefore;

    private PushReadiness(FakeTwitterApi twitter, Mode mode, long botId) {
        this.twitter = twitter;
        this.mode = mode;
        this.botId = botId;
        this.callsBefore = twitter.calls().size();
        this.subscriptionsBefore = twitter.webhookSubscriptionRequests();
    }

    /** Readiness of an instance starting now, counting only what it does from now on. */
    static PushReadiness from(FakeTwitterApi twitter, Mode mode, long botId) {
        return new PushReadiness(twitter, mode, botId);
    }

    /** Whether push works for the bot, set up or checked by this instance. */
    boolean ready() {
        return switch (mode) {
            case POLL -> true;
            case V1_WEBHOOK -> twitter.webhookSubscriptionRequests() > subscriptionsBefore;
            case STREAM -> twitter.v2().streamReady(botId)
                    && answeredSince(Endpoint.ACTIVITY_STREAM);
            case V2_WEBHOOK -> twitter.v2().webhookReady(botId)
                    && answeredSince(Endpoint.WEBHOOKS);
        };
    }

    /** What the plugin has not done while it is not ready, e.g. "registered no webhook". */
    String missing() {
        return switch (mode) {
            case POLL -> "needs nothing";
            case V1_WEBHOOK -> "registered no webhook";
            case STREAM -> "had no stream connected with a dm.received subscription for the"
                    + " bot";
            case V2_WEBHOOK -> "had no valid webhook with a dm.received subscription for the"
                    + " bot";
        };
    }

    private boolean answeredSince(Endpoint endpoint) {
        List<RecordedCall> calls = twitter.calls();
        return calls.subList(Math.min(callsBefore, calls.size()), calls.size()).stream()
                .anyMatch(call -> call.endpoint().equals(Optional.of(endpoint))
                        && call.status() == 200);
    }
}
