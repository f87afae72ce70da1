package casebird.harness.twitter;

import java.util.Objects;
import java.util.regex.Pattern;

/** A Twitter account of the fake API with the access token an app holds for it. */
public record TwitterAccount(long id, String screenName, String accessToken,
        String accessTokenSecret) {

    private static final Pattern SCREEN_NAME = Pattern.compile("[A-Za-z0-9_]{1,15}");

    /** Checks the id and Twitter's screen name rule (1 to 15 letters, digits or '_'). */
    public TwitterAccount {
        if (id <= 0) {
            throw new IllegalArgumentException("account id must be positive: " + id);
        }
        checkScreenName(screenName);
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenSecret, "accessTokenSecret");
    }

    /** This account under another screen name. */
    public TwitterAccount withScreenName(String newName) {
        return new TwitterAccount(id, newName, accessToken, accessTokenSecret);
    }

    /** This account as seen through another of its access tokens. */
    public TwitterAccount withToken(String token, String tokenSecret) {
        return new TwitterAccount(id, screenName, token, tokenSecret);
    }

    static void checkScreenName(String screenName) {
        Objects.requireNonNull(screenName, "screenName");
        if (!SCREEN_NAME.matcher(screenName).matches()) {
            throw new IllegalArgumentException(
                    "screen name must be 1-15 letters, digits or '_' (no '@'): " + screenName);
        }
    }
}
