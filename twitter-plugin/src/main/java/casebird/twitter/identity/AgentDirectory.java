package casebird.twitter.identity;

import casebird.api.crm.CrmSdk;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.TwitterApiException;
import casebird.twitter.twitter.TwitterPort;
import com.google.common.collect.Lists;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
 * is pinned in the store under the field's value, so a renamed or reused handle can never
 * let another account act as the agent; editing the field pins afresh. Every
 * {@link #POLLS_PER_CHECK} polls the directory pins new field values and looks a few
 * pinned names up again to report any that moved to another account.
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
    private final StateStore store;
    private final PinCheck pinCheck;
    private Map<Long, String> loginsById;
    private boolean refreshAllowed = true;
    private long polls;
    private Instant lastDelivery = Instant.MIN;
    private Instant lastRebuild = Instant.MIN;

    /** Creates a directory reading the given CRM user field. */
    public AgentDirectory(CrmSdk crm, String handleField, TwitterPort twitter, StateStore store) {
        this.crm = crm;
        this.handleField = handleField;
        this.twitter = twitter;
        this.store = store;
        this.pinCheck = new PinCheck(twitter, store, handleField, LOOKUP_BATCH);
    }

    /** The Twitter id of a CRM user, if the user's handle field is set and resolves. */
    public Optional<Long> idOfLogin(String login) {
        return crm.userField(login, handleField).flatMap(this::resolve);
    }

    /** The Twitter id of a screen name (with or without {@code @}), if Twitter knows it. */
    public Optional<Long> idOfScreenName(String screenName) {
        return resolve(screenName);
    }

    /**
     * The CRM login mapped to a sender id; an unknown id rebuilds the map from the CRM at
     * most once per poll.
     */
    public synchronized Optional<String> loginOf(long senderId) {
        if (loginsById == null || (!loginsById.containsKey(senderId) && refreshAllowed)) {
            loginsById = rebuild(crm.usersWithField(handleField));
            refreshAllowed = false;
            lastRebuild = lastDelivery;
        }
        return Optional.ofNullable(loginsById.get(senderId));
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
            loginsById = rebuild(fields);
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

    private Optional<Long> resolve(String fieldValue) {
        Optional<Long> id = HandleValue.numericId(fieldValue);
        Optional<String> name = HandleValue.screenName(fieldValue);
        if (id.isPresent() || name.isEmpty()) {
            return id;
        }
        Optional<Long> pinned = store.pinnedId(name.get());
        if (pinned.isPresent()) {
            return pinned;
        }
        Long found = twitter.lookupIds(List.of(name.get())).get(name.get());
        return found == null ? Optional.empty() : Optional.of(store.pin(name.get(), found));
    }

    private Map<Long, String> rebuild(Map<String, String> fieldsByLogin) {
        Map<String, String> fields = new TreeMap<>(fieldsByLogin);
        pinUnresolvedNames(fields.values());
        Map<Long, String> byId = new HashMap<>();
        fields.forEach((login, value) -> idFromStore(value).ifPresent(id -> {
            String other = byId.putIfAbsent(id, login);
            if (other != null) {
                LOG.warn("CRM users {} and {} name the same Twitter account {}; DMs from it act"
                        + " as {}", other, login, id, other);
            }
        }));
        return byId;
    }

    private Optional<Long> idFromStore(String fieldValue) {
        return HandleValue.numericId(fieldValue)
                .or(() -> HandleValue.screenName(fieldValue).flatMap(store::pinnedId));
    }

    private void pinUnresolvedNames(Iterable<String> values) {
        Set<String> names = new LinkedHashSet<>();
        for (String value : values) {
            HandleValue.screenName(value)
                    .filter(name -> store.pinnedId(name).isEmpty())
                    .ifPresent(names::add);
        }
        for (List<String> batch : Lists.partition(List.copyOf(names), LOOKUP_BATCH)) {
            twitter.lookupIds(batch).forEach(store::pin);
        }
    }
}
