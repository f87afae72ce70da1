package casebird.twitter.client.v2;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * An {@link OAuth2TokenStore} in memory that records each save and how many requests the
 * scripted X had received when it happened.
 */
final class FakeTokenStore implements OAuth2TokenStore {

    /** One save: the tokens and the number of requests X had seen by then. */
    record Save(OAuth2Tokens tokens, int requestsBefore) {}

    private final IntSupplier requestsSoFar;
    private final List<Save> saves = new CopyOnWriteArrayList<>();
    private volatile Optional<OAuth2Tokens> stored = Optional.empty();

    FakeTokenStore(IntSupplier requestsSoFar) {
        this.requestsSoFar = requestsSoFar;
    }

    /** An admin's new authorization, stored without counting as the source's save. */
    void hold(OAuth2Tokens tokens) {
        stored = Optional.of(tokens);
    }

    List<Save> saves() {
        return List.copyOf(saves);
    }

    @Override
    public Optional<OAuth2Tokens> load() {
        return stored;
    }

    @Override
    public void save(OAuth2Tokens tokens) {
        saves.add(new Save(tokens, requestsSoFar.getAsInt()));
        stored = Optional.of(tokens);
    }
}
