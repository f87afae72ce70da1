package casebird.harness.twitter;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Account Activity API's registry as the fake keeps it: one webhook per environment
 * (a sandbox's limit), checked by CRC before it is accepted, and the users subscribed to
 * each environment; the endpoints that change it.
 */
final class Webhooks {

    /** A registered webhook; {@code valid} is the result of its latest CRC check. */
    record Webhook(String env, long id, URI url, boolean valid, long createdMillis) {}

    /** Where one DM event of a subscribed user is delivered. */
    record Target(URI url, long forUserId) {}

    private static final Pattern ENV = Pattern.compile("account_activity/all/([^/]+)/");
    private static final Pattern ID = Pattern.compile("/webhooks/([0-9]+)\\.json$");

    private final Clock clock;
    private final WebhookSender sender;
    private final Map<String, Webhook> byEnv = new LinkedHashMap<>();
    private final Map<String, Set<Long>> subscribers = new LinkedHashMap<>();
    private final AtomicInteger subscriptionRequests = new AtomicInteger();
    private long nextId = 1_000_000_000_000_000_000L;

    Webhooks(Clock clock, WebhookSender sender) {
        this.clock = clock;
        this.sender = sender;
    }

    /** How many subscription requests were answered (new or already subscribed). */
    int subscriptionRequests() {
        return subscriptionRequests.get();
    }

    /** Where an event between these accounts goes: each valid webhook, per subscriber. */
    synchronized List<Target> targets(long senderId, long recipientId) {
        List<Target> targets = new ArrayList<>();
        byEnv.values().stream().filter(Webhook::valid).forEach(hook -> {
            Set<Long> users = subscribers.getOrDefault(hook.env(), Set.of());
            for (long user : new long[] {senderId, recipientId}) {
                if (users.contains(user)) {
                    targets.add(new Target(hook.url(), user));
                }
            }
        });
        return targets;
    }

    /** Every registered webhook. */
    synchronized List<Webhook> all() {
        return List.copyOf(byEnv.values());
    }

    /** Records the result of a periodic CRC check of that webhook. */
    synchronized void checked(Webhook hook, boolean valid) {
        byEnv.computeIfPresent(hook.env(), (env, now) -> now.id() == hook.id()
                ? new Webhook(env, now.id(), now.url(), valid, now.createdMillis()) : now);
    }

    ApiResponse list(TwitterAccount caller, ApiRequest request) {
        ArrayNode hooks = TwitterJson.MAPPER.createArrayNode();
        find(env(request)).ifPresent(hook -> hooks.add(json(hook)));
        return new ApiResponse(200, Map.of(), hooks.toString());
    }

    ApiResponse register(TwitterAccount caller, ApiRequest request) {
        String env = env(request);
        URI url = URI.create(request.requiredParam("url"));
        if (find(env).isPresent()) {
            throw TwitterApiError.of(403, 214, "Too many resources already created.");
        }
        Webhook hook = accepted(new Webhook(env, nextId(), url, true,
                clock.millis()));
        return new ApiResponse(200, Map.of(), json(hook).toString());
    }

    ApiResponse check(TwitterAccount caller, ApiRequest request) {
        accepted(webhook(request));
        return ApiResponse.noContent();
    }

    ApiResponse delete(TwitterAccount caller, ApiRequest request) {
        Webhook hook = webhook(request);
        synchronized (this) {
            byEnv.remove(hook.env(), hook);
        }
        return ApiResponse.noContent();
    }

    ApiResponse subscribe(TwitterAccount caller, ApiRequest request) {
        String env = env(request);
        synchronized (this) {
            if (!byEnv.containsKey(env)) {
                throw TwitterApiError.of(400, 214, "Webhook does not exist in this environment.");
            }
            subscriptionRequests.incrementAndGet();
            if (!subscribers.computeIfAbsent(env, e -> new HashSet<>()).add(caller.id())) {
                throw TwitterApiError.of(409, 355, "Subscription already exists.");
            }
        }
        return ApiResponse.noContent();
    }

    /** Checks the CRC (outside the lock: it calls the webhook) and keeps the webhook valid. */
    private Webhook accepted(Webhook hook) {
        if (!sender.crcCheck(hook.url())) {
            throw TwitterApiError.of(400, 214, "Webhook URL does not meet the requirements."
                    + " Invalid CRC token or json response format.");
        }
        Webhook valid = new Webhook(hook.env(), hook.id(), hook.url(), true,
                hook.createdMillis());
        synchronized (this) {
            byEnv.put(hook.env(), valid);
        }
        return valid;
    }

    private synchronized long nextId() {
        return nextId++;
    }

    private synchronized Optional<Webhook> find(String env) {
        return Optional.ofNullable(byEnv.get(env));
    }

    private Webhook webhook(ApiRequest request) {
        Matcher id = ID.matcher(request.signedUrl().getPath());
        return find(env(request)).filter(h -> id.find() && h.id() == Long.parseLong(id.group(1)))
                .orElseThrow(() -> TwitterApiError.of(404, 34));
    }

    private static String env(ApiRequest request) {
        Matcher m = ENV.matcher(request.signedUrl().getPath());
        if (!m.find()) {
            throw TwitterApiError.of(404, 34);
        }
        return m.group(1);
    }

    private static ObjectNode json(Webhook hook) {
        ObjectNode node = TwitterJson.MAPPER.createObjectNode();
        node.put("id", Long.toString(hook.id()));
        node.put("url", hook.url().toString());
        node.put("valid", hook.valid());
        node.put("created_timestamp", TwitterJson.webhookTime(hook.createdMillis()));
        return node;
    }
}
