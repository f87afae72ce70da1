package casebird.twitter.state;

import casebird.twitter.identity.Pins;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.h2.mvstore.MVMap;

/** The pinned Twitter ids, each change its own commit. */
final class StoredPins implements Pins {

    private final StateStore store;
    private final MVMap<String, Long> pins;

    StoredPins(StateStore store, MVMap<String, Long> pins) {
        this.store = store;
        this.pins = pins;
    }

    @Override
    public Optional<Long> pinnedId(String key) {
        synchronized (store) {
            return Optional.ofNullable(pins.get(key));
        }
    }

    @Override
    public long pin(String key, long twitterId) {
        synchronized (store) {
            Long held = pins.putIfAbsent(key, twitterId);
            store.commit();
            return held == null ? twitterId : held;
        }
    }

    @Override
    public void rekey(Function<String, Optional<String>> newKey) {
        synchronized (store) {
            boolean changed = false;
            for (String key : List.copyOf(pins.keySet())) {
                Optional<String> to = newKey.apply(key);
                if (!to.equals(Optional.of(key))) {
                    Long id = pins.remove(key);
                    to.ifPresent(moved -> pins.putIfAbsent(moved, id));
                    changed = true;
                }
            }
            if (changed) {
                store.commit();
            }
        }
    }
}
