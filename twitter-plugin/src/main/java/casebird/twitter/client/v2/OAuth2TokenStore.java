package casebird.twitter.client.v2;

import java.util.Optional;

/** Durable home of the bot's OAuth 2.0 tokens, e.g. the plugin's state store. */
public interface OAuth2TokenStore {

    /** The tokens last saved, if any. */
    Optional<OAuth2Tokens> load();

    /**
     * Saves the tokens durably (committed) before returning: X has already spent the old
     * refresh token, so tokens lost in a crash would lock the bot out.
     */
    void save(OAuth2Tokens tokens);
}
