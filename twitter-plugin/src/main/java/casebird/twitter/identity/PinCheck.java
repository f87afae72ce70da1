package casebird.twitter.identity;

import casebird.twitter.client.TwitterPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Looks up pinned screen names again, one users/lookup call per check, and reports a name
 * that now belongs to another account: once per user, name and account, with what to do
 * about it. The pin holds either way; only the admin, by editing the field, links another
 * account.
 */
final class PinCheck {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDirectory.class);

    private final TwitterPort twitter;
    private final Pins pins;
    private final String handleField;
    private final int batchSize;
    private final Set<String> reported = new HashSet<>();
    private int next;

    PinCheck(TwitterPort twitter, Pins pins, String handleField, int batchSize) {
        this.twitter = twitter;
        this.pins = pins;
        this.handleField = handleField;
        this.batchSize = batchSize;
    }

    /** Checks the next few pinned names in use, given each CRM user's field value. */
    void checkNext(Map<String, String> fieldsByLogin) {
        Map<String, List<String>> loginsByName = new TreeMap<>();
        fieldsByLogin.forEach((login, value) -> HandleValue.screenName(value)
                .filter(name -> pins.pinnedId(PinKey.user(login, name)).isPresent())
                .ifPresent(name -> loginsByName.computeIfAbsent(name, n -> new ArrayList<>())
                        .add(login)));
        List<String> names = new ArrayList<>(loginsByName.keySet());
        if (names.isEmpty()) {
            return;
        }
        int from = next % names.size();
        List<String> batch = names.subList(from, Math.min(names.size(), from + batchSize));
        Map<String, Long> now = twitter.lookupIds(batch);
        next = from + batch.size();
        for (String name : batch) {
            Long holder = now.get(name);
            for (String login : loginsByName.get(name)) {
                long pinned = pins.pinnedId(PinKey.user(login, name)).orElseThrow();
                if (holder != null && holder != pinned) {
                    report(name, pinned, holder, login);
                }
            }
        }
    }

    private void report(String name, long pinned, long now, String login) {
        if (!reported.add(login + " " + name + " " + now)) {
            return;
        }
        LOG.warn("Twitter name @{} in the '{}' field of CRM user {} is pinned to account {},"
                + " but Twitter now gives that name to account {}; DMs from {} are not taken"
                + " as {}. If account {} is {}'s, edit the field to {}; if {} uses another"
                + " account, edit the field to its name or numeric id. Any value other than"
                + " @{} is looked up and pinned afresh (writing @{} again keeps the pin).",
                name, handleField, login, pinned, now, now, login, now, login, now, login,
                name, name);
    }
}
