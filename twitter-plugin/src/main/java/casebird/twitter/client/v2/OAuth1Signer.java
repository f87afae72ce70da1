package casebird.twitter.client.v2;

import casebird.twitter.client.v1.Twitter4jPort;
import java.net.URI;
import java.util.Map;
import twitter4j.HttpParameter;
import twitter4j.HttpRequest;
import twitter4j.RequestMethod;
import twitter4j.auth.AccessToken;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.ConfigurationBuilder;

/**
 * Signs X API v2 requests with the four OAuth 1.0a keys ({@code auth=oauth1}), using
 * twitter4j's own signer (HMAC-SHA1 over method, URL and query; JSON bodies are not part of
 * the signature); the only v2 class that touches twitter4j.
 */
public final class OAuth1Signer implements RequestAuthorizer {

    private final OAuthAuthorization oauth;

    /**
     * Creates a signer for the app's consumer pair and the bot's access token.
     *
     * @throws IllegalStateException when twitter4j's debug logging is on, which would log
     *     the keys
     */
    public OAuth1Signer(String consumerKey, String consumerSecret, String accessToken,
            String accessTokenSecret) {
        Twitter4jPort.refuseDebugLogging();
        this.oauth = new OAuthAuthorization(new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setOAuthConsumerKey(consumerKey)
                .setOAuthConsumerSecret(consumerSecret)
                .build());
        oauth.setOAuthAccessToken(new AccessToken(accessToken, accessTokenSecret));
    }

    @Override
    public String authorization(String method, URI uri) {
        return oauth.getAuthorizationHeader(new HttpRequest(RequestMethod.valueOf(method),
                uri.toString(), new HttpParameter[0], oauth, Map.of()));
    }
}
