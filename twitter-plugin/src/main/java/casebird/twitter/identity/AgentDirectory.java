package casebird.twitter.identity;

import casebird.api.crm.CrmSdk;
import casebird.twitter.state.StateStore;
import casebird.twitter.twitter.TwitterPort;
import com.google.common.collect.Lists;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps CRM logins to Twitter's immutable user ids and back, through the CRM users' handle
 * field.
 *
 * <p>A numeric field value is an id. A screen name is resolved with users/lookup once and
 * the id is pinned in the store under the field's value, so a renamed or reused handle can
 * never let another account act as the agent; editing the field pins afresh.
 */
public final class AgentDirectory {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDirectory.class);
    private static final int LOOKUP_BATCH = 100;

    private final CrmSdk crm;
    private final String handleField;
    private final TwitterPort twitter;
    private final StateStore store;
    private Map<Long, String> loginsById;
    private boolean refreshAllowed = true;

    /** Creates a directory reading the given CRM user field. */
    public AgentDirectory(CrmSdk crm, String handleField, TwitterPort twitter, StateStore store) {
        this.crm = crm;
        this.handleField = handleField;
        this.twitter = twitter;
        this.store = store;
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
     * most once between calls to {@link #allowRefresh()}.
     */
    public synchronized Optional<String> loginOf(long senderId) {
        if (loginsById == null || (!loginsById.containsKey(senderId) && refreshAllowed)) {
            loginsById = rebuild();
            refreshAllowed = false;
        }
        return Optional.ofNullable(loginsById.get(senderId));
    }

    /** Lets the next unknown sender rebuild the map; the poller calls it once per poll. */
    public synchronized void allowRefresh() {
        refreshAllowed = true;
    }

    private Optional<Long> resolve(String fieldValue) {
        String value = fieldValue.trim();
        if (value.matches("\\d{1,19}")) {
            return Optional.of(Long.parseLong(value));
        }
        String key = pinKey(value);
        Optional<Long> pinned = store.pinnedId(key);
        if (pinned.isPresent() || key.isEmpty()) {
            return pinned;
        }
        Long id = twitter.lookupIds(List.of(key)).get(key);
        return id == null ? Optional.empty() : Optional.of(store.pin(key, id));
    }

    private static String pinKey(String value) {
        String bare = value.startsWith("@") ? value.substring(1) : value;
        return bare.toLowerCase(Locale.ROOT);
    }

    private Map<Long, String> rebuild() {
        Map<String, String> fields = new TreeMap<>(crm.usersWithField(handleField));
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
        String value = fieldValue.trim();
        return value.matches("\\d{1,19}")
                ? Optional.of(Long.parseLong(value)) : store.pinnedId(pinKey(value));
    }

    private void pinUnresolvedNames(Iterable<String> values) {
        List<String> names = new ArrayList<>();
        for (String v : values) {
            String value = v.trim();
            if (!value.matches("\\d{1,19}") && !pinKey(value).isEmpty()
                    && store.pinnedId(pinKey(value)).isEmpty()) {
                names.add(pinKey(value));
            }
        }
        List<String> distinct = names.stream().distinct().toList();
        for (List<String> batch : Lists.partition(distinct, LOOKUP_BATCH)) {
            twitter.lookupIds(batch).forEach(store::pin);
        }
    }
}
