package casebird.harness.twitter;

import casebird.harness.twitter.v2.CostMeter;
import casebird.harness.twitter.v2.OAuth2Server;
import com.sun.net.httpserver.HttpServer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The fake's X API v2 side, over the same accounts, DMs, faults and call record as v1.1:
 * the DM and user calls under {@code /2/} with their own rate limits, the OAuth 2.0
 * authorization server, the X Activity API's push (subscriptions, the stream and v2
 * webhooks, under the app-only Bearer token), and the meter of what the calls would cost.
 */
public final class XApiV2 {

    private final HttpServer server;
    private final OAuth2Server oauth2;
    private final CostMeter meter;
    private final RateLimits limits;
    private final DmEventEndpoints dms;
    private final GroupConversations groups;
    private final GroupEndpoints groupCalls;
    private final AccountRegistry accounts;
    private final ActivityApi activity;

    /** The parts of the fake that v1.1 and v2 share, and the journal's log. */
    record Shared(Clock clock, AccountRegistry accounts, MessageStore messages,
            OAuthVerifier verifier, FaultQueue<Fault> faults, CallLog calls,
            Consumer<TwitterChange> log, WebhookSender webhookSender) {
    }

    /**
     * The v2 side of an app; its OAuth 2.0 client id and secret are derived from the
     * consumer secret, so a fake reopened on its journal keeps them.
     */
    XApiV2(HttpServer server, Shared shared, String consumerKey, String consumerSecret) {
        this.server = server;
        OAuth2Server.Client client = new OAuth2Server.Client(
                derived(consumerSecret, "oauth2-client-id"),
                derived(consumerSecret, "oauth2-client-secret"));
        this.oauth2 = new OAuth2Server(shared.clock(), () -> RandomTokens.next(34), client,
                change -> shared.log().accept(new TwitterChange.OAuth2(change)));
        this.meter = new CostMeter(shared.clock());
        this.limits = RateLimits.v2(shared.clock());
        this.accounts = shared.accounts();
        this.groups = new GroupConversations(shared.clock(), shared.accounts(),
                shared.messages(), shared.log());
        this.groupCalls = new GroupEndpoints(groups, meter);
        this.dms = new DmEventEndpoints(shared.messages(), new DmTimeline(shared.clock(),
                shared.messages(), groups), groups, shared.accounts(), meter);
        ApiDialect dialect = new V2Dialect(shared.verifier(), oauth2.grants(),
                shared.accounts());
        server.createContext(V2Route.BASE_PATH, new ApiExchangeHandler(shared.clock(), dialect,
                shared.faults(), limits, handlers(shared), shared.calls()));
        OAuth2Endpoints oauth = new OAuth2Endpoints(oauth2,
                new AuthorizePage(oauth2, shared.accounts()), consumerKey, consumerSecret);
        server.createContext("/2/oauth2/", oauth);
        server.createContext("/oauth2/token", oauth);
        server.createContext("/i/oauth2/", oauth);
        this.activity = new ActivityApi(shared, oauth2.grants(), meter, limits);
        groups.addListener(event -> groups.find(event.conversationId())
                .ifPresent(group -> activity.pushGroupMessage(event, group)));
        server.createContext("/2/activity/", activity);
        server.createContext("/2/webhooks", activity);
    }

    /** The v2 base URL, {@code http://127.0.0.1:PORT/2/}, with its trailing slash. */
    public URI baseUrl() {
        return root().resolve(V2Route.BASE_PATH);
    }

    /** Where an admin's browser goes to authorize the app: X's {@code /i/oauth2/authorize}. */
    public URI authorizeUrl() {
        return root().resolve("/i/oauth2/authorize");
    }

    /** The token endpoint, {@code POST /2/oauth2/token}. */
    public URI tokenUrl() {
        return root().resolve("/2/oauth2/token");
    }

    /** The OAuth 2.0 authorization server: client, redirect URIs, grants and tokens. */
    public OAuth2Server oauth2() {
        return oauth2;
    }

    /** What the v2 calls so far would cost at X's prices. */
    public CostMeter costMeter() {
        return meter;
    }

    /** Limits a v2 endpoint to {@code calls} per {@code window} per account, afresh. */
    public void setLimit(Endpoint endpoint, int calls, Duration window) {
        limits.set(endpoint, calls, window);
    }

    /** Removes a v2 endpoint's limits; its answers then report plenty left. */
    public void liftLimit(Endpoint endpoint) {
        limits.lift(endpoint);
    }

    /**
     * Makes {@code GET /2/dm_events} refuse a field in {@code dm_event.fields} with a 400
     * naming it, as X may for {@code sender_id}; {@code expansions=sender_id} still works.
     */
    public void withdrawField(String field) {
        dms.withdrawField(field);
    }

    /**
     * Sets how long an idle activity stream waits before it sends a keep-alive
     * ({@code \r\n}); 10 s unless set.
     */
    public void setStreamKeepAlive(Duration interval) {
        activity.streams().keepAlive(interval);
    }

    /**
     * Closes the open activity streams (counted as one of {@code times}), then each next
     * stream once connected until {@code times} are used up; DMs sent meanwhile are never
     * streamed.
     */
    public void dropStreams(int times) {
        activity.streams().drop(times);
    }

    /**
     * Silences the open activity streams (nothing more, keep-alives included), or the next
     * stream if none is open; a stalled stream ends when the app connects again.
     */
    public void stallStreams() {
        activity.streams().stall();
    }

    /**
     * Whether push on the stream works for a user: a stream of the app is connected and a
     * {@code dm.received} subscription for the user without a webhook exists.
     */
    public boolean streamReady(long userId) {
        return activity.streamReady(userId);
    }

    /**
     * Whether push to a webhook works for a user: the app's webhook is valid and a
     * {@code dm.received} subscription for the user names it.
     */
    public boolean webhookReady(long userId) {
        return activity.webhookReady(userId);
    }

    /** The URL of the app's v2 webhook, if it registered one. */
    public Optional<URI> webhookUrl() {
        return activity.webhookUrl();
    }

    /** The XAA bodies X would post to the app's webhook for a DM, by webhook URL. */
    Map<URI, String> webhookDeliveries(DirectMessage message) {
        return activity.deliveries(message);
    }

    /** Ends the activity streams, waiting for their threads. */
    void close() {
        activity.close();
    }

    /** Applies an OAuth 2.0 or group change from the journal. */
    void restore(TwitterChange change) {
        if (change instanceof TwitterChange.OAuth2 o) {
            oauth2.restore(o.change());
        }
        groups.restore(change);
    }

    /**
     * Makes an account refuse group DMs from now on (a group naming it is refused as a
     * whole, with a 403 naming it); one-to-one DMs still reach it.
     *
     * @throws IllegalArgumentException if no account has that id
     */
    public void refuseGroupDms(long accountId) {
        accounts.refuseGroupDms(accountId);
    }

    /** Every group conversation, oldest first. */
    public List<GroupConversation> groups() {
        return groups.all();
    }

    /** Every event of every group conversation (joins and messages), oldest first. */
    public List<GroupEvent> groupEvents() {
        return groups.events();
    }

    /**
     * Posts a message to a group as one of its members, as if they had sent it (no call is
     * recorded or charged).
     *
     * @throws TwitterApiError 403 when the sender is not a member, 400 for a bad text
     */
    public GroupEvent postToGroup(long senderId, String conversationId, String text) {
        return groups.post(senderId, conversationId, text);
    }

    /** Calls {@code listener} after each group message is posted, on the posting thread. */
    public void addGroupMessageListener(Consumer<GroupEvent> listener) {
        groups.addListener(listener);
    }

    private static String derived(String secret, String label) {
        return WebhookSender.sign(secret, label).substring("sha256=".length())
                .replaceAll("[^A-Za-z0-9]", "");
    }

    private URI root() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private Map<Endpoint, EndpointHandler> handlers(Shared shared) {
        V2UserEndpoints users = new V2UserEndpoints(shared.accounts(), meter);
        Map<Endpoint, EndpointHandler> handlers = new EnumMap<>(Endpoint.class);
        handlers.put(Endpoint.DM_LIST, byRoute(Map.of(V2Route.DM_EVENTS,
                (EndpointHandler) dms::list, V2Route.DM_CONVERSATION_EVENTS, dms::conversation)));
        handlers.put(V2Route.DM_SEND.endpoint(), dms::send);
        handlers.put(V2Route.DM_DELETE.endpoint(), dms::delete);
        handlers.put(Endpoint.DM_ROOM_SEND, byRoute(Map.of(V2Route.DM_GROUP_CREATE,
                (EndpointHandler) groupCalls::create, V2Route.DM_GROUP_POST, groupCalls::post)));
        handlers.put(V2Route.USERS_BY.endpoint(), users::lookup);
        handlers.put(V2Route.USERS_ME.endpoint(), users::me);
        return handlers;
    }

    /** A handler of one logical endpoint that serves each of its v2 routes its own way. */
    private static EndpointHandler byRoute(Map<V2Route, EndpointHandler> routes) {
        return (caller, request) -> routes.get(V2Route.route(request.method(),
                request.signedUrl().getRawPath()).orElseThrow()).handle(caller, request);
    }
}
