package casebird.twitter.identity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which CRM user each Twitter account belongs to: the one user whose handle field names it.
 * An account that several users name (by the same id, whatever the text) belongs to none of
 * them, and the bot's own account to nobody; each such case is logged once with the fix.
 */
final class AccountOwners {

    private static final Logger LOG = LoggerFactory.getLogger(AgentDirectory.class);

    private final String handleField;
    private final Set<String> warned = new HashSet<>();
    private Map<Long, List<String>> claims;
    private OptionalLong botId = OptionalLong.empty();

    AccountOwners(String handleField) {
        this.handleField = handleField;
    }

    void botIs(long id) {
        botId = OptionalLong.of(id);
    }

    /** Replaces the map of account ids to the users naming them, warning about conflicts. */
    void update(Map<Long, List<String>> claimsById) {
        claims = Map.copyOf(claimsById);
        claims.forEach((id, logins) -> {
            if (isBot(id)) {
                logins.forEach(login -> notBotOf(id, login));
            } else if (logins.size() > 1) {
                warnOnce("CRM users " + String.join(" and ", logins) + " name the same"
                        + " Twitter account " + id + " in the '" + handleField + "' field; DMs from"
                        + " it act as none of them and none of them gets notices, until the"
                        + " field of all but one of them names another account");
            }
        });
    }

    /** Whether the map was ever built. */
    boolean built() {
        return claims != null;
    }

    /** Whether any user names that account (alone or not). */
    boolean knows(long id) {
        return claims.containsKey(id);
    }

    /** The one user an account belongs to, if exactly one names it and it is not the bot. */
    Optional<String> ownerOf(long id) {
        List<String> logins = claims.getOrDefault(id, List.of());
        return logins.size() == 1 && !isBot(id) ? Optional.of(logins.get(0)) : Optional.empty();
    }

    /** Whether notices to that user may go to that account: no other user names it. */
    boolean mayReach(long id, String login) {
        boolean shared = claims != null && claims.getOrDefault(id, List.of(login)).size() > 1;
        return !shared && notBotOf(id, login);
    }

    private boolean notBotOf(long id, String login) {
        return notBot(id, "CRM user " + login + "'s '" + handleField + "' field",
                "put " + login + "'s own Twitter name or numeric id there");
    }

    /** Whether the account is not the bot's; warns once, saying how to fix it, when it is. */
    boolean notBot(long id, String what, String fix) {
        if (isBot(id)) {
            warnOnce(what + " names the bot's own Twitter account " + id
                    + "; the bot sends no notice to itself: " + fix);
            return false;
        }
        return true;
    }

    private boolean isBot(long id) {
        return botId.isPresent() && botId.getAsLong() == id;
    }

    private void warnOnce(String message) {
        if (warned.add(message)) {
            LOG.warn(message);
        }
    }
}
