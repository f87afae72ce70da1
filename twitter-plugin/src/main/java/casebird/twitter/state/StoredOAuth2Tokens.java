package casebird.twitter.state;

import casebird.twitter.client.v2.OAuth2TokenStore;
import casebird.twitter.client.v2.OAuth2Tokens;
import com.google.common.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.h2.mvstore.MVMap;

/**
 * The bot's OAuth 2.0 tokens in the store's meta map, beside a hash of the seed
 * ({@code oauth2-refresh-token}) that was set when they were saved: tokens saved under
 * another seed than today's are not loaded, so a seed the admin pastes anew replaces them.
 */
final class StoredOAuth2Tokens implements OAuth2TokenStore {

    private final StateStore store;
    private final MVMap<String, String> meta;
    private final String seedHash;

    StoredOAuth2Tokens(StateStore store, MVMap<String, String> meta, Optional<String> seed) {
        this.store = store;
        this.meta = meta;
        this.seedHash = seed.map(StoredOAuth2Tokens::hash).orElse("");
    }

    @Override
    public Optional<OAuth2Tokens> load() {
        synchronized (store) {
            String refresh = meta.get(MetaKeys.OAUTH2_REFRESH);
            boolean newSeed = !seedHash.isEmpty()
                    && !seedHash.equals(meta.get(MetaKeys.OAUTH2_SEED));
            if (refresh == null || newSeed) {
                return Optional.empty();
            }
            return Optional.of(new OAuth2Tokens(meta.getOrDefault(MetaKeys.OAUTH2_ACCESS, ""),
                    refresh, Instant.ofEpochMilli(Long.parseLong(
                            meta.getOrDefault(MetaKeys.OAUTH2_EXPIRES, "0")))));
        }
    }

    @Override
    public void save(OAuth2Tokens tokens) {
        synchronized (store) {
            meta.put(MetaKeys.OAUTH2_ACCESS, tokens.accessToken());
            meta.put(MetaKeys.OAUTH2_REFRESH, tokens.refreshToken());
            meta.put(MetaKeys.OAUTH2_EXPIRES, Long.toString(tokens.expiresAt().toEpochMilli()));
            meta.put(MetaKeys.OAUTH2_SEED, seedHash);
            store.commit();
        }
    }

    private static String hash(String seed) {
        return Hashing.sha256().hashString(seed, StandardCharsets.UTF_8).toString();
    }
}
