package casebird.twitter.push;

import static casebird.twitter.push.XaaFixture.BOT;
import static casebird.twitter.push.XaaFixture.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import casebird.api.HostContext;
import casebird.api.web.WebHandler;
import casebird.api.web.WebRequest;
import casebird.api.web.WebRoute;
import casebird.api.web.WebRoutes;
import casebird.twitter.client.v1.DeliveryJson.Delivery;
import casebird.twitter.client.v2.ActivityApi;
import casebird.twitter.config.PluginSettings;
import casebird.twitter.push.CreatedResources.Kind;
import casebird.twitter.testing.FakeActivityServer;
import casebird.twitter.testing.FakeCrm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Push on the X Activity API as the plugin sets it up, keeps it and takes it down. */
class XaaPushTest {

    private final XaaFixture fixture = new XaaFixture();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final AtomicInteger reconciliations = new AtomicInteger();
    private final List<WebHandler> served = new CopyOnWriteArrayList<>();
    private final WebRoutes routes = (path, handler) -> {
        served.add(handler);
        return route(path);
    };

    private static WebRoute route(String path) {
        return new WebRoute() {
            @Override
            public URI url() {
                return URI.create("https://crm.example/plugins/casebird-twitter/" + path);
            }

            @Override
            public void close() {
            }
        };
    }

    private PushDelivery push;

    @AfterEach
    void close() {
        if (push != null) {
            push.close();
        }
        fixture.close();
    }

    private PushDelivery open(long botId, Map<String, String> more) {
        Map<String, String> raw = new HashMap<>(Map.of("client-id", "cid", "client-secret",
                "csecret", "bot-account", "casebird_bot", "consumer-key", "ck",
                "consumer-secret", "cs", "reconcile-interval", "100ms", "poll-interval", "100ms",
                "retry-base", "50ms", "retry-cap", "50ms"));
        raw.putAll(more);
        PluginSettings settings = PluginSettings.from(raw);
        HostContext context = HostContext.of(new FakeCrm(), Map.of(), Path.of("unused"),
                fixture.clock, "1.1.0", fixture.reports::add, Optional.of(routes));
        push = PushDelivery.open(context, settings, null, fixture.health, Runnable::run,
                delivered::add, new PushDelivery.Xaa(Optional.of(fixture.api), fixture.budget,
                        fixture.created, () -> OptionalLong.of(botId),
                        reconciliations::incrementAndGet, new Random(3))).orElse(null);
        return push;
    }

    private void tickUntil(String what, java.util.function.BooleanSupplier condition) {
        await(what, () -> {
            push.tick(true);
            return condition.getAsBoolean();
        });
    }

    private static String sample() throws IOException {
        try (InputStream in = XaaPushTest.class.getResourceAsStream(
                "/twitter/samples/v2/xaa-dm-received.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theStreamSubscribesTheBotConnectsReconcilesAndDeliversIntoTheQueue()
            throws IOException {
        open(BOT, Map.of("push", "stream"));

        tickUntil("push works", push::active);
        fixture.x.publish(sample().replaceAll("\\s*\\n\\s*", ""));
        await("delivered", () -> delivered.size() == 1);

        FakeActivityServer.Sub sub = fixture.x.subscriptions().get(0);
        assertEquals(new FakeActivityServer.Sub(sub.id(), Long.toString(BOT), Optional.empty()),
                sub);
        assertEquals(Set.of(sub.id()), fixture.created.ids(Kind.SUBSCRIPTION));
        assertTrue(fixture.lastDetail().contains("push: stream connected, dm.received"
                + " subscription " + sub.id() + " for the bot (the inbox is read every 0.1s;"
                + " with push, every 0.1s to reconcile)"), fixture.lastDetail());
        assertEquals(1, reconciliations.get());
        assertEquals(OptionalLong.of(BOT), delivered.get(0).forUserId());
        assertEquals("accept 1234", delivered.get(0).events().get(0).text());
    }

    @Test
    void malformedDeeplyNestedOrForeignStreamLinesAreSkippedAndTheStreamKeptOpen()
            throws IOException {
        open(BOT, Map.of("push", "stream"));
        tickUntil("push works", push::active);

        fixture.x.publish("{\"data\":{\"payload\":");
        fixture.x.publish("[1,2,3]");
        fixture.x.publish("{\"data\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        fixture.x.publish("{\"data\":{\"payload\":{\"direct_message_events\":\"no list\"}}}");
        fixture.x.publish(sample().replaceAll("\\s*\\n\\s*", ""));
        await("the good event delivered", () -> delivered.stream().anyMatch(d -> !d.events()
                .isEmpty()));

        List<String> texts = delivered.stream().flatMap(d -> d.events().stream())
                .map(e -> e.text()).toList();
        assertEquals(List.of("accept 1234"), texts);
        assertEquals(1, fixture.x.connections(), "the stream was never reconnected");
        assertTrue(push.active());
    }

    @Test
    void theWebhookTakesBodiesSignedWithTheConsumerSecretNotTheOAuth2ClientSecret()
            throws IOException {
        open(BOT, Map.of("push", "webhook", "auth", "oauth2"));
        String body = sample().replaceAll("\\s*\\n\\s*", "");

        assertEquals(403, post(body, new WebhookSignature("csecret").crcResponse(body)),
                "signed with the OAuth 2.0 client secret");
        assertEquals(List.of(), delivered);
        int genuine = post(body, new WebhookSignature("cs").crcResponse(body));
        assertFalse(genuine == 401 || genuine == 403, "the consumer secret's signature is"
                + " accepted (the body may still be refused as too old): " + genuine);
    }

    private int post(String body, String signature) {
        return served.get(0).handle(new WebRequest("POST", Map.of(),
                Map.of(WebhookEndpoint.SIGNATURE, signature), new ByteArrayInputStream(
                        body.getBytes(StandardCharsets.UTF_8)))).status();
    }

    @Test
    void aDroppedStreamFallsBackToPollingThenReconnectsAndReconcilesAgain() {
        open(BOT, Map.of("push", "stream"));
        tickUntil("push works", push::active);

        fixture.x.refuseStreams(true);
        fixture.x.drop();
        tickUntil("push down", () -> !push.active());
        assertTrue(fixture.lastDetail().contains("push unavailable, polling at full rate: the"
                + " stream is not connected: "), fixture.lastDetail());
        fixture.x.refuseStreams(false);
        tickUntil("push back", push::active);

        assertEquals(2, reconciliations.get());
    }

    @Test
    void aSubscriptionDeletedBehindThePluginsBackIsRepaired() {
        open(BOT, Map.of("push", "stream"));
        tickUntil("push works", push::active);
        String first = fixture.x.subscriptions().get(0).id();

        fixture.x.deleteSubscription(first);
        tickUntil("repaired", () -> fixture.x.subscriptions().size() == 1);

        String second = fixture.x.subscriptions().get(0).id();
        assertFalse(first.equals(second));
        assertEquals(Set.of(second), fixture.created.ids(Kind.SUBSCRIPTION));
    }

    @Test
    void aBotThatDidNotAuthorizeTheAppIsNamedInHealth() {
        open(4242L, Map.of("push", "stream"));

        tickUntil("refusal reported", () -> fixture.lastDetail().contains("not authorized"));

        assertFalse(push.active());
        assertTrue(fixture.lastDetail().contains("push unavailable, polling at full rate: X"
                + " refused the bot's dm.received subscription (POST /2/activity/subscriptions"
                + " failed: user 4242 has not authorized this app): the bot has not authorized"
                + " this app with OAuth 2.0 and the dm.read scope; authorize the bot again"),
                fixture.lastDetail());
    }

    @Test
    void theWebhookIsRegisteredRevalidatedAndSubscribedReplacingTheStreamSubscription() {
        String streamSub = fixture.keeper().ensure(BOT, Optional.empty()).id();
        open(BOT, Map.of("push", "webhook"));

        tickUntil("push works", push::active);
        FakeActivityServer.Hook hook = fixture.x.webhooks().get(0);
        assertEquals("https://crm.example/plugins/casebird-twitter/twitter/webhook", hook.url());
        assertEquals(List.of(new FakeActivityServer.Sub(fixture.x.subscriptions().get(0).id(),
                Long.toString(BOT), Optional.of(hook.id()))), fixture.x.subscriptions());
        assertFalse(fixture.created.ids(Kind.SUBSCRIPTION).contains(streamSub));
        assertTrue(fixture.lastDetail().contains("push: webhook " + hook.url() + " valid,"
                + " dm.received subscription"), fixture.lastDetail());

        fixture.x.invalidateWebhooks(false);
        tickUntil("not valid reported", () -> !push.active());
        assertTrue(fixture.lastDetail().contains("push unavailable, polling at full rate: X"
                + " reports the webhook " + hook.url() + " not valid (its CRC check failed);"
                + " asking X to check it again every 0.1s"), fixture.lastDetail());
        fixture.x.invalidateWebhooks(true);
        tickUntil("valid again", push::active);

        assertTrue(fixture.x.calls().contains("PUT /2/webhooks/" + hook.id()));
        assertEquals(1, fixture.x.webhooks().size());
    }

    @Test
    void aWebhookUrlXWouldRefuseIsWarnedAboutTriedAnywayAndXsAnswerShown() {
        open(BOT, Map.of("push", "webhook", "webhook-url", "http://crm.example:8443/hook"));

        tickUntil("refusal reported", () -> fixture.lastDetail().contains("X refused"));

        assertTrue(fixture.lastDetail().contains("push unavailable, polling at full rate: X"
                + " refused the webhook http://crm.example:8443/hook: POST /2/webhooks failed:"
                + " webhook URLs must use https (status 400)"), fixture.lastDetail());
        assertTrue(fixture.lastDetail().contains("the webhook URL http://crm.example:8443/hook"
                + " is not usable by X, which calls only https URLs without a port"),
                fixture.lastDetail());
        assertTrue(fixture.x.calls().contains("POST /2/webhooks"));
        assertFalse(push.active());
    }

    @Test
    void pushOffRemovesWhatThePluginCreatedAndNothingElse() {
        ActivityApi.Subscription ours = fixture.keeper().ensure(BOT, Optional.empty());
        String byHand = fixture.x.subscribeByHand(BOT, Optional.of("77"));
        fixture.created.created(Kind.WEBHOOK, "gone-already");

        open(BOT, Map.of());
        tickUntil("removed", () -> fixture.created.ids(Kind.SUBSCRIPTION).isEmpty()
                && fixture.created.ids(Kind.WEBHOOK).isEmpty());

        assertEquals(List.of(byHand), fixture.x.subscriptions().stream()
                .map(FakeActivityServer.Sub::id).toList());
        assertFalse(push.active());
        assertTrue(fixture.x.calls().contains("DELETE /2/activity/subscriptions/" + ours.id()));
    }

    @Test
    void pushOffWithNothingCreatedMakesNoCall() {
        assertEquals(null, open(BOT, Map.of()));
        assertEquals(List.of(), fixture.x.calls());
    }
}
