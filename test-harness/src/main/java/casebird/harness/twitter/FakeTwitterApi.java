package casebird.harness.twitter;

import casebird.harness.http.LoopbackHttpServer;
import casebird.harness.journal.JsonLinesJournal;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A working fake of Twitter's v1.1 direct message API over real HTTP on 127.0.0.1: OAuth
 * 1.0a verified, rate limited per endpoint and account, with scriptable faults and a record
 * of every call; the Account Activity API's webhooks, which get each new DM of a
 * subscribed account pushed to them; and X API v2 over the same DMs ({@link #v2()}).
 */
public final class FakeTwitterApi implements AutoCloseable {

    private static final int THREADS = 8;
    /** How often registered webhooks are CRC-checked: Twitter's hour read as a minute. */
    private static final Duration CRC_INTERVAL = Duration.ofMinutes(1);

    private final String consumerKey;
    private final String consumerSecret;
    private final JsonLinesJournal<TwitterChange> journal;
    private final Clock clock;
    private final AccountRegistry accounts;
    private final MessageStore messages;
    private final RateLimits limits;
    private final FaultQueue<Fault> faults = FaultQueue.ofCalls();
    private final CallLog calls = new CallLog();
    private final WebhookSender webhookSender;
    private final Webhooks webhooks;
    private final LoopbackHttpServer http;
    private final XApiV2 v2;

    private FakeTwitterApi(Clock clock, TwitterChange.App app,
            JsonLinesJournal<TwitterChange> journal, List<Duration> webhookRetries)
            throws IOException {
        this.clock = clock;
        this.consumerKey = app.consumerKey();
        this.consumerSecret = app.consumerSecret();
        this.journal = journal;
        Consumer<TwitterChange> log = journal == null ? change -> { } : journal::append;
        this.accounts = new AccountRegistry(clock, log);
        this.messages = new MessageStore(clock, accounts, log);
        this.limits = RateLimits.v1(clock);
        this.webhookSender = new WebhookSender(consumerSecret, webhookRetries);
        this.webhooks = new Webhooks(clock, webhookSender);
        messages.addListener(this::push);
        webhookSender.every(CRC_INTERVAL, () -> webhooks.all().forEach(hook ->
                webhooks.checked(hook, webhookSender.crcCheck(hook.url()))));
        OAuthVerifier verifier = new OAuthVerifier(consumerKey, consumerSecret, accounts);
        this.http = LoopbackHttpServer.bind("fake-twitter", THREADS, new ApiExchangeHandler(
                clock, new V1Dialect(verifier), faults, limits, handlers(), calls));
        this.v2 = new XApiV2(http.server(), new XApiV2.Shared(clock, accounts, messages,
                verifier, faults, calls, log, webhookSender), consumerKey, consumerSecret);
    }

    /** Starts a fake on a free port of 127.0.0.1 with a freshly generated app key and secret. */
    public static FakeTwitterApi start(Clock clock) throws IOException {
        return start(clock, WebhookSender.TWITTER_RETRIES);
    }

    /** Starts a fake that retries a failed webhook delivery after each of the delays. */
    static FakeTwitterApi start(Clock clock, List<Duration> webhookRetries) throws IOException {
        FakeTwitterApi api = new FakeTwitterApi(clock, newApp(), null, webhookRetries);
        api.http.start();
        return api;
    }

    /**
     * Starts a fake whose state (app keys, accounts and tokens, DMs, v1.1 limits, OAuth 2.0
     * grants and tokens; not calls, faults, v2 limits or the cost meter) lives in a journal
     * file: restored from it, and each change written through to it before it can be seen.
     * The port is a fresh one each time.
     *
     * @throws java.io.UncheckedIOException when the file cannot be read or written
     */
    public static FakeTwitterApi open(Clock clock, Path file) throws IOException {
        JsonLinesJournal.Opened<TwitterChange> opened =
                JsonLinesJournal.open(file, TwitterChange.class);
        List<TwitterChange> records = opened.records();
        TwitterChange.App app;
        if (!records.isEmpty() && records.get(0) instanceof TwitterChange.App first) {
            app = first;
        } else {
            app = newApp();
            opened.journal().append(app);
        }
        FakeTwitterApi api = new FakeTwitterApi(clock, app, opened.journal(),
                WebhookSender.TWITTER_RETRIES);
        records.forEach(api::restore);
        api.limits.logTo(opened.journal()::append);
        api.http.start();
        return api;
    }

    private static TwitterChange.App newApp() {
        return new TwitterChange.App(RandomTokens.next(25), RandomTokens.next(50));
    }

    private void restore(TwitterChange change) {
        accounts.restore(change);
        messages.restore(change);
        limits.restore(change);
        v2.restore(change);
    }

    /** The REST base URL, {@code http://127.0.0.1:PORT/1.1/}, with its trailing slash. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + http.port() + "/1.1/");
    }

    /** The X API v2 side: its base URL, OAuth 2.0 server, limits and cost meter. */
    public XApiV2 v2() {
        return v2;
    }

    /** The app's consumer key. */
    public String consumerKey() {
        return consumerKey;
    }

    /** The app's consumer secret. */
    public String consumerSecret() {
        return consumerSecret;
    }

    /** The clock this fake stamps messages and times rate windows with. */
    public Clock clock() {
        return clock;
    }

    /** Creates an account with the next free numeric id (from 1000000) and fresh tokens. */
    public TwitterAccount createAccount(String screenName) {
        return accounts.create(screenName);
    }

    /**
     * Creates an account with a chosen id and fresh tokens.
     *
     * @throws IllegalArgumentException if the id or the screen name is taken or invalid
     */
    public TwitterAccount createAccount(String screenName, long id) {
        return accounts.create(screenName, id);
    }

    /** The account holding that screen name now (case-insensitive, no '@'). */
    public Optional<TwitterAccount> accountByName(String screenName) {
        return accounts.byName(screenName);
    }

    /** Every account, by id. */
    public List<TwitterAccount> accounts() {
        return accounts.all();
    }

    /** The account with that numeric id. */
    public Optional<TwitterAccount> accountById(long id) {
        return accounts.byId(id);
    }

    /**
     * Issues another access token for an account, as when the app is authorized again: the
     * returned account holds the new token; the account's other tokens stay valid.
     *
     * @throws IllegalArgumentException if no account has that id
     */
    public TwitterAccount issueToken(long accountId) {
        return accounts.issueToken(accountId);
    }

    /** Revokes an access token: calls signed with it fail with 401, code 89. */
    public void revokeToken(String accessToken) {
        accounts.revoke(accessToken);
    }

    /**
     * Gives an account a new screen name; the old one becomes free for another account.
     *
     * @throws IllegalArgumentException if no account holds the old name or the new is taken
     */
    public TwitterAccount rename(String oldName, String newName) {
        return accounts.rename(oldName, newName);
    }

    /**
     * Makes an account refuse every DM sent to it from now on: v1.1 answers 403 code 349,
     * v2 a 403 naming the account.
     *
     * @throws IllegalArgumentException if no account has that id
     */
    public void refuseDms(long accountId) {
        accounts.refuseDms(accountId);
    }

    /**
     * Creates a DM as if the sender had posted it, and tells the listeners.
     *
     * @throws TwitterApiError when Twitter would refuse it (unknown account, text too long)
     */
    public DirectMessage deliver(long senderId, long recipientId, String text) {
        return messages.create(senderId, recipientId, text);
    }

    /** Every DM ever created, in creation order, including those since destroyed. */
    public List<DirectMessage> messages() {
        return messages.all();
    }

    /** The DMs an account still sees (sent or received, not destroyed by it), oldest first. */
    public List<DirectMessage> messagesOf(long accountId) {
        return messages.visibleTo(accountId);
    }

    /** Calls {@code listener} after each DM is created, on the creating thread. */
    public void addMessageListener(Consumer<DirectMessage> listener) {
        messages.addListener(listener);
    }

    /** Limits an endpoint to {@code calls} per {@code window} per account, starting afresh. */
    public void setLimit(Endpoint endpoint, int calls, Duration window) {
        limits.set(endpoint, calls, window);
    }

    /**
     * Removes an endpoint's limit; its answers then report plenty left (rate-limit headers
     * of {@link RateLimits#UNLIMITED} calls), so a client reading them never waits.
     */
    public void liftLimit(Endpoint endpoint) {
        limits.lift(endpoint);
    }

    /** Schedules a fault for the next matching authenticated calls. */
    public void addFault(Fault fault) {
        faults.add(fault);
    }

    /** Every webhook delivery attempt so far, in order. */
    List<WebhookSender.Attempt> webhookAttempts() {
        return webhookSender.attempts();
    }

    /** The event ids whose webhook delivery failed on every attempt. */
    List<Long> webhookDeliveriesGivenUp() {
        return webhookSender.givenUp();
    }

    /** Schedules a fault for the next webhook delivery attempts. */
    public void addWebhookFault(WebhookFault fault) {
        webhookSender.addFault(fault);
    }

    /**
     * How many subscription requests (a registering client's last step) were answered so
     * far, whether they subscribed an account or found it subscribed.
     */
    public int webhookSubscriptionRequests() {
        return webhooks.subscriptionRequests();
    }

    /** The URLs of the registered webhooks, in order of registration. */
    public List<URI> webhookUrls() {
        return webhooks.all().stream().map(Webhooks.Webhook::url).toList();
    }

    /**
     * The body of a delivery of a DM that was never sent, as Twitter would post it (unsigned)
     * to each webhook of the subscribed accounts among the two (v1.1's Account Activity
     * webhooks, and the v2 webhook of the recipient's XAA subscriptions): what a forger would
     * want signed.
     */
    public Map<URI, String> unsentDeliveries(long senderId, long recipientId, String text) {
        return deliveries(new DirectMessage(Long.MAX_VALUE - 1, senderId, recipientId, text,
                clock.instant()));
    }

    private Map<URI, String> deliveries(DirectMessage message) {
        Map<URI, String> bodies = new LinkedHashMap<>();
        webhooks.targets(message.senderId(), message.recipientId()).forEach(target ->
                bodies.put(target.url(), deliveryBody(target, message)));
        bodies.putAll(v2.webhookDeliveries(message));
        return bodies;
    }

    /**
     * Posts each of {@link #unsentDeliveries} signed by the webhook's own CRC answer, as the
     * attacker of a webhook that answers any {@code crc_token} would.
     *
     * @return each webhook's CRC status followed by its post's status; empty when none is
     *     registered for either account
     */
    public List<Integer> postCrcSignedDelivery(long senderId, long recipientId, String text) {
        return unsentDeliveries(senderId, recipientId, text).entrySet().stream()
                .flatMap(body -> webhookSender.postCrcSigned(body.getKey(), body.getValue())
                        .stream())
                .toList();
    }

    /**
     * Posts a delivery correctly signed, as Twitter made it, of a DM created {@code age} ago,
     * as someone replaying a captured delivery would (the DM is not in the inbox).
     *
     * @return the status each webhook answered (0 for no answer); empty when none is
     *     registered for either account
     */
    public List<Integer> postReplayedDelivery(long senderId, long recipientId, String text,
            Duration age) {
        DirectMessage old = new DirectMessage(Long.MAX_VALUE - 2, senderId, recipientId, text,
                clock.instant().minus(age));
        return deliveries(old).entrySet().stream()
                .map(body -> webhookSender.postSigned(body.getKey(), body.getValue()))
                .toList();
    }

    /**
     * Posts each of {@link #unsentDeliveries}, signed with a wrong secret, as a forger would.
     *
     * @return the status each webhook answered (0 for no answer); empty when none is
     *     registered for either account
     */
    public List<Integer> postForgedDelivery(long senderId, long recipientId, String text) {
        return unsentDeliveries(senderId, recipientId, text).entrySet().stream()
                .map(body -> webhookSender.postForged(body.getKey(), body.getValue()))
                .toList();
    }

    /** Sends each new DM to the webhooks of its subscribed sender or recipient. */
    private void push(DirectMessage message) {
        for (Webhooks.Target target : webhooks.targets(message.senderId(),
                message.recipientId())) {
            webhookSender.deliver(message.id(), target.url(), deliveryBody(target, message));
        }
    }

    private String deliveryBody(Webhooks.Target target, DirectMessage message) {
        return TwitterJson.delivery(target.forUserId(), message,
                accounts.byId(message.senderId()).orElseThrow(),
                accounts.byId(message.recipientId()).orElseThrow()).toString();
    }

    /** Every answered request in order of arrival. */
    public List<RecordedCall> calls() {
        return calls.all();
    }

    /** Stops the server, waits for its threads and closes the journal file, if any. */
    @Override
    public void close() {
        v2.close();
        webhookSender.close();
        try {
            http.close();
        } finally {
            if (journal != null) {
                journal.close();
            }
        }
    }

    private Map<Endpoint, EndpointHandler> handlers() {
        DirectMessageEndpoints dms = new DirectMessageEndpoints(messages);
        UserEndpoints users = new UserEndpoints(accounts);
        Map<Endpoint, EndpointHandler> handlers = new EnumMap<>(Endpoint.class);
        handlers.put(Endpoint.DM_LIST, dms::list);
        handlers.put(Endpoint.DM_SHOW, dms::show);
        handlers.put(Endpoint.DM_SEND, dms::send);
        handlers.put(Endpoint.DM_DESTROY, dms::destroy);
        handlers.put(Endpoint.USERS_LOOKUP, users::lookup);
        handlers.put(Endpoint.USERS_SHOW, users::show);
        handlers.put(Endpoint.VERIFY_CREDENTIALS, users::verifyCredentials);
        handlers.put(Endpoint.WEBHOOKS_LIST, webhooks::list);
        handlers.put(Endpoint.WEBHOOK_REGISTER, webhooks::register);
        handlers.put(Endpoint.WEBHOOK_CHECK, webhooks::check);
        handlers.put(Endpoint.WEBHOOK_DELETE, webhooks::delete);
        handlers.put(Endpoint.SUBSCRIBE, webhooks::subscribe);
        return handlers;
    }

}
