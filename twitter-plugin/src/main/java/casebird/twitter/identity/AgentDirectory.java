package casebird.twitter.identity;

import casebird.api.crm.CrmSdk;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import com.google.common.collect.Lists;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps CRM logins to Twitter's immutable user ids and back, through the CRM users' handle
 * field.
 *
 * <p>A numeric field value is an id. A screen name is resolved with users/lookup and the id
 * is pinned in the store for that CRM user and name, so a renamed or reused handle can never
 * let another account act as the agent, and the same name given to another user is looked
 * up afresh for them. A pin lasts while the user's field holds its name: a changed value is
 * pinned afresh. Every {@link #POLLS_PER_CHECK} polls the directory pins new field values
 * and looks a few pinned names up again to report any that moved to another account.
 */
public final class AgentDirectory {

    /** How many polls pass between two handle checks; the first poll only pins. */
    public static final int POLLS_PER_CHECK = 60;

    private static final Logger LOG = LoggerFactory.getLogger(AgentDirectory.class);
    /** The least time between two reads of the directory caused by deliveries. */
    public static final Duration DELIVERY_REFRESH_GAP = Duration.ofSeconds(10);

    private static final int LOOKUP_BATCH = 100;

    private final CrmSdk crm;
    private final String handleField;
    private final TwitterPort twitter;
    private final Pins pins;
    private final PinCheck pinCheck;
    private final AccountOwners owners;
    private final NumberPins numbers;
    private boolean refreshAllowed = true;
    private long polls;
    private Instant lastDelivery = Instant.MIN;
    private Instant lastRebuild = Instant.MIN;

    /** Creates a directory reading the given CRM user field. */
    public AgentDirectory(CrmSdk crm, String handleField, TwitterPort twitter, Pins pins) {
        this.crm = crm;
        this.handleField = handleField;
        this.twitter = twitter;
        this.pins = pins;
        this.pinCheck = new PinCheck(twitter, pins, handleField, LOOKUP_BATCH);
        this.owners = new AccountOwners(handleField);
        this.numbers = new NumberPins(twitter, pins, handleField, LOOKUP_BATCH);
    }

    /**
     * The Twitter id of a CRM user, if the user's handle field is set and resolves to an
     * account that no other user names and that is not the bot's own.
     */
    public synchronized Optional<Long> idOfLogin(String login) {
        return crm.userField(login, handleField).flatMap(value -> resolve(login, value))
                .filter(id -> owners.mayReach(id, login));
    }

    /**
     * The Twitter id of a screen name (with or without {@code @}) that a rule names, if
     * Twitter knows it and it is not the bot's own account; pinned apart from users' names.
     */
    public synchronized Optional<Long> idOfScreenName(String screenName) {
        Optional<String> name = HandleValue.screenName(screenName);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        String key = PinKey.recipient(name.get());
        return pinned(key, name.get()).or(() -> lookUp(key, name.get()))
                .filter(id -> owners.notBot(id, "a rule's recipient @" + name.get(),
                        "remove it from the rule"));
    }

    /** Tells the directory the bot's own account, which is never any agent's. */
    public synchronized void botIs(long botId) {
        owners.botIs(botId);
    }

    /**
     * The CRM login mapped to a sender id; an unknown id rebuilds the map from the CRM at
     * most once per poll.
     */
    public synchronized Optional<String> loginOf(long senderId) {
        if (!owners.built() || (!owners.knows(senderId) && refreshAllowed)) {
            rebuild(crm.usersWithField(handleField));
            refreshAllowed = false;
            lastRebuild = lastDelivery;
        }
        return owners.ownerOf(senderId);
    }

    /**
     * Called by the poller once per poll: lets the next unknown sender rebuild the map, and
     * every {@link #POLLS_PER_CHECK} polls pins new field values and checks old pins. A
     * Twitter failure of the check is logged and does not fail the poll.
     */
    public synchronized void beginPoll() {
        refreshAllowed = true;
        if (polls++ % POLLS_PER_CHECK != 0) {
            return;
        }
        Map<String, String> fields = crm.usersWithField(handleField);
        try {
            if (polls > 1) {
                pinCheck.checkNext(fields);
            }
            rebuild(fields);
        } catch (TwitterApiException e) {
            LOG.info("handle check skipped, will try at a later poll: {}", e.getMessage());
        }
    }

    /**
     * Called by the poller once per webhook delivery, at {@code now}: like a poll, it lets the
     * next unknown sender rebuild the map, so an agent linked a moment ago is known by push as
     * by polling; but at most once per {@link #DELIVERY_REFRESH_GAP}, so that DMs from
     * strangers cannot make the plugin read the whole directory for each of them.
     */
    public synchronized void beginDelivery(Instant now) {
        lastDelivery = now;
        if (!now.isBefore(lastRebuild.plus(DELIVERY_REFRESH_GAP))) {
            refreshAllowed = true;
        }
    }

    private Optional<Long> resolve(String login, String fieldValue) {
        Optional<Long> id = HandleValue.numericId(fieldValue);
        Optional<String> name = HandleValue.screenName(fieldValue);
        if (id.isPresent() || name.isEmpty()) {
            return id;
        }
        String key = PinKey.user(login, name.get());
        return pinned(key, name.get()).or(() -> lookUp(key, name.get()));
    }

    /** The id pinned under the key, taking over an older plugin's pin of the name once. */
    private Optional<Long> pinned(String key, String name) {
        Optional<Long> held = pins.pinnedId(key);
        if (held.isPresent()) {
            return held;
        }
        return PinKey.legacyName(name).flatMap(pins::pinnedId).map(id -> pins.pin(key, id));
    }

    private Optional<Long> lookUp(String key, String name) {
        Long found = twitter.lookupIds(List.of(name)).get(name);
        return found == null ? Optional.empty() : Optional.of(pins.pin(key, found));
    }

    /**
     * Pins every user's unpinned name, forgets the pins of values no user's field holds any
     * more (an older plugin's pins go to rules), and maps each account to its users.
     */
    private void rebuild(Map<String, String> fieldsByLogin) {
        Map<String, String> fields = new TreeMap<>(fieldsByLogin);
        pinUnresolvedNames(fields);
        numbers.pinNew(fields);
        Set<String> inUse = new HashSet<>();
        fields.forEach((login, value) -> {
            HandleValue.screenName(value).ifPresent(name -> inUse.add(PinKey.user(login, name)));
            HandleValue.numericId(value).ifPresent(id -> inUse.add(PinKey.number(login, id)));
        });
        pins.rekey(key -> PinKey.legacyName(key).map(PinKey::recipient).or(() ->
                PinKey.isUser(key) && !inUse.contains(key) ? Optional.empty() : Optional.of(key)));
        Map<Long, List<String>> claims = new LinkedHashMap<>();
        fields.forEach((login, value) -> idFromStore(login, value).ifPresent(id ->
                claims.computeIfAbsent(id, k -> new ArrayList<>()).add(login)));
        owners.update(claims);
    }

    private Optional<Long> idFromStore(String login, String fieldValue) {
        return HandleValue.numericId(fieldValue).or(() -> HandleValue.screenName(fieldValue)
                .flatMap(name -> pins.pinnedId(PinKey.user(login, name))));
    }

    private void pinUnresolvedNames(Map<String, String> fields) {
        Map<String, List<String>> keysByName = new LinkedHashMap<>();
        fields.forEach((login, value) -> HandleValue.screenName(value).ifPresent(name -> {
            String key = PinKey.user(login, name);
            if (pinned(key, name).isEmpty()) {
                keysByName.computeIfAbsent(name, n -> new ArrayList<>()).add(key);
            }
        }));
        for (List<String> batch : Lists.partition(List.copyOf(keysByName.keySet()), LOOKUP_BATCH)) {
            twitter.lookupIds(batch).forEach((name, id) ->
                    keysByName.getOrDefault(name, List.of()).forEach(key -> pins.pin(key, id)));
        }
    }
}
