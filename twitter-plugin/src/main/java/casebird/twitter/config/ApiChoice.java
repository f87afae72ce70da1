package casebird.twitter.config;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which X API the plugin speaks and how it signs in, read with the upgrade rules that keep a
 * working install working: the OAuth 1.0a keys and no {@code auth} keep OAuth 1.0a, and
 * without {@code api}, {@code webhook-env} or an own {@code api-base-url} (a v1.1 base URL,
 * unless an OAuth 2.0 {@code client-id} says otherwise) keep v1.1.
 *
 * @param version the API: v2 (the default) or v1.1 (Enterprise contracts)
 * @param auth OAuth 2.0 user tokens (the default for v2) or the four OAuth 1.0a keys
 * @param advice a sentence for health when an upgrade rule kept v1.1, recommending v2
 */
public record ApiChoice(Version version, Auth auth, Optional<String> advice) {

    /** The X API version. */
    public enum Version { V2, V1_1 }

    /** How requests are authorized. */
    public enum Auth { OAUTH2, OAUTH1 }

    /** Reads {@code api} and {@code auth}, applying the defaults and the upgrade rules. */
    /** The X API the plugin's settings choose, as the start would read it. */
    public static Version versionOf(Map<String, String> settings) {
        return read(new SettingsReader(settings)).version();
    }

    static ApiChoice read(SettingsReader r) {
        boolean oauth1Keys = r.has("consumer-key", "oauth.consumerKey", "consumer-secret",
                "oauth.consumerSecret", "access-token", "oauth.accessToken",
                "access-token-secret", "oauth.accessTokenSecret");
        boolean ownBaseUrl = r.has("api-base-url", "restBaseURL");
        boolean webhook = r.has("webhook-env");
        Optional<String> api = r.oneOf("api", "v2", "v1.1");
        Optional<String> auth = r.oneOf("auth", "oauth2", "oauth1");
        boolean clientId = r.has("client-id");
        Optional<String> advice = Optional.empty();
        boolean v1Install = webhook || (ownBaseUrl && !clientId);
        Version version = api.map(a -> a.equals("v2") ? Version.V2 : Version.V1_1)
                .orElse(v1Install ? Version.V1_1 : Version.V2);
        if (api.isEmpty() && version == Version.V1_1) {
            advice = Optional.of("X API v1.1 is kept because " + (webhook ? "webhook-env"
                    : "api-base-url") + " is set and api is not; v1.1 needs an Enterprise"
                    + " contract and its webhooks end on 2027-01-01: set api=v2 to move");
        }
        Auth scheme = auth.map(a -> a.equals("oauth2") ? Auth.OAUTH2 : Auth.OAUTH1)
                .orElse(defaultAuth(version, oauth1Keys, clientId));
        if (version == Version.V1_1 && scheme == Auth.OAUTH2) {
            r.problem("setting 'auth' is oauth2, which X API v1.1 does not accept: use"
                    + " auth=oauth1 with the four OAuth 1.0a keys, or api=v2");
        }
        if (version == Version.V2 && webhook) {
            r.problem("setting 'webhook-env' is set with api=v2: webhook-env is the v1.1"
                    + " Account Activity API (ending 2027-01-01); under api=v2 set push=stream"
                    + " or push=webhook (the X Activity API) instead");
        }
        return new ApiChoice(version, scheme, advice);
    }

    /** The keys given choose, else the API's own default: OAuth 2.0 for v2. */
    private static Auth defaultAuth(Version version, boolean oauth1Keys, boolean clientId) {
        if (oauth1Keys != clientId) {
            return oauth1Keys ? Auth.OAUTH1 : Auth.OAUTH2;
        }
        return version == Version.V2 ? Auth.OAUTH2 : Auth.OAUTH1;
    }

    /** The word the {@code api} setting uses for this version. */
    public String word() {
        return version == Version.V2 ? "v2" : "v1.1";
    }

    /** The {@code api-base-url} of X's own servers for this version. */
    String defaultBaseUrl() {
        return version == Version.V2 ? "https://api.x.com/" : "https://api.twitter.com/1.1/";
    }

    @Override
    public String toString() {
        return "ApiChoice[" + word() + ", " + auth.name().toLowerCase(Locale.ROOT) + "]";
    }
}
