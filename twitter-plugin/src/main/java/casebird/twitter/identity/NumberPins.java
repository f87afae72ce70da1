package casebird.twitter.identity;

import casebird.twitter.client.TwitterPort;
import com.google.common.collect.Lists;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pins the bare numbers of CRM users' handle fields, which are account ids, and when one is
 * first pinned logs the screen name of the account it names, so an admin who meant a name
 * sees what the plugin took it for.
 */
final class NumberPins {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDirectory.class);

    private final TwitterPort twitter;
    private final Pins pins;
    private final String handleField;
    private final int batchSize;

    NumberPins(TwitterPort twitter, Pins pins, String handleField, int batchSize) {
        this.twitter = twitter;
        this.pins = pins;
        this.handleField = handleField;
        this.batchSize = batchSize;
    }

    /** Pins each field's number not pinned yet for its user, one users/lookup per 100. */
    void pinNew(Map<String, String> fieldsByLogin) {
        Map<Long, List<String>> loginsById = new LinkedHashMap<>();
        fieldsByLogin.forEach((login, value) -> HandleValue.numericId(value)
                .filter(id -> pins.pinnedId(PinKey.number(login, id)).isEmpty())
                .ifPresent(id -> loginsById.computeIfAbsent(id, k -> new ArrayList<>())
                        .add(login)));
        for (List<Long> batch : Lists.partition(List.copyOf(loginsById.keySet()), batchSize)) {
            Map<Long, String> names = twitter.lookupNames(batch);
            for (long id : batch) {
                String account = names.containsKey(id) ? "Twitter account @" + names.get(id)
                        : "a Twitter account that does not exist";
                for (String login : loginsById.get(id)) {
                    pins.pin(PinKey.number(login, id), id);
                    LOG.info("CRM user {}'s '{}' field holds the number {}, taken as the id of"
                            + " {}; if a screen name was meant, write it with its @", login,
                            handleField, id, account);
                }
            }
        }
    }
}
