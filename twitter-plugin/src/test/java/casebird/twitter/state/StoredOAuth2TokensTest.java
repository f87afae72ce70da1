package casebird.twitter.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import casebird.twitter.client.v2.OAuth2TokenStore;
import casebird.twitter.client.v2.OAuth2Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bot's OAuth 2.0 tokens in the state file, and the seed setting that may replace them. */
class StoredOAuth2TokensTest {

    private static final OAuth2Tokens TOKENS = new OAuth2Tokens("access-1", "refresh-1",
            Instant.parse("2026-11-30T14:00:00Z"));
    private static final Optional<String> SEED = Optional.of("seed-from-the-admin");

    @TempDir Path dir;
    @TempDir Path crashed;

    @Test
    void savedTokensAreInTheFileWhenSaveReturnsThoughTheStoreIsNeverClosed() throws Exception {
        try (StateStore store = StateStore.open(dir)) {
            store.oauth2Tokens(SEED).save(TOKENS);

            Files.copy(dir.resolve(StateStore.FILE_NAME), crashed.resolve(StateStore.FILE_NAME));
        }

        try (StateStore afterCrash = StateStore.open(crashed)) {
            assertEquals(Optional.of(TOKENS), afterCrash.oauth2Tokens(SEED).load());
        }
    }

    @Test
    void tokensSurviveAReopenUnderTheSameSeedOrWithTheSeedRemoved() {
        try (StateStore store = StateStore.open(dir)) {
            store.oauth2Tokens(SEED).save(TOKENS);
        }

        try (StateStore reopened = StateStore.open(dir)) {
            assertEquals(Optional.of(TOKENS), reopened.oauth2Tokens(SEED).load());
            assertEquals(Optional.of(TOKENS), reopened.oauth2Tokens(Optional.empty()).load());
        }
    }

    @Test
    void aNewSeedHidesTheTokensOfTheOldOneAndItsOwnSaveReplacesThem() {
        OAuth2Tokens fromNewSeed = new OAuth2Tokens("access-2", "refresh-2", TOKENS.expiresAt());
        try (StateStore store = StateStore.open(dir)) {
            store.oauth2Tokens(SEED).save(TOKENS);
            OAuth2TokenStore pasted = store.oauth2Tokens(Optional.of("a-new-seed"));

            assertEquals(Optional.empty(), pasted.load());
            pasted.save(fromNewSeed);
            assertEquals(Optional.of(fromNewSeed), pasted.load());
            assertEquals(Optional.empty(), store.oauth2Tokens(SEED).load());
        }
    }

    @Test
    void tokensAuthorizedThroughTheRoutesWithoutASeedStayWhenNoSeedIsSet() {
        try (StateStore store = StateStore.open(dir)) {
            store.oauth2Tokens(Optional.empty()).save(TOKENS);

            assertEquals(Optional.of(TOKENS), store.oauth2Tokens(Optional.empty()).load());
            assertEquals(Optional.empty(), store.oauth2Tokens(SEED).load());
        }
    }

    @Test
    void eachSaveIsOneCommit() {
        try (StateStore store = StateStore.open(dir)) {
            long before = store.version();

            store.oauth2Tokens(SEED).save(TOKENS);

            assertEquals(before + 1, store.version());
        }
    }

    @Test
    void noTokenShowsInTheStoreOrTheTokensToString() {
        try (StateStore store = StateStore.open(dir)) {
            OAuth2TokenStore tokens = store.oauth2Tokens(SEED);

            String shown = tokens + " " + TOKENS;

            assertFalse(shown.contains("refresh-1") || shown.contains("access-1")
                    || shown.contains("seed-from"), shown);
        }
    }
}
