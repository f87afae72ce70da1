package casebird.twitter.client.v2;

import casebird.twitter.client.TwitterApiException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The app-only Bearer token of the X app, got once from {@code POST /oauth2/token}
 * ({@code grant_type=client_credentials}, HTTP Basic with the consumer key and secret) and
 * kept until X refuses it. It authorizes the X Activity API and webhook calls only, never
 * a DM call.
 */
public final class AppBearer implements RequestAuthorizer {

    private static final String CALL = "POST /oauth2/token";

    private final URI tokenUri;
    private final String basic;
    private final ApiHttp http;
    private String token;

    /** A source of the app's token; {@code tokenUri} is e.g. {@code https://api.x.com/oauth2/token}. */
    public AppBearer(URI tokenUri, String consumerKey, String consumerSecret, ApiHttp http) {
        this.tokenUri = tokenUri;
        this.basic = TokenEndpoint.basic(consumerKey, consumerSecret);
        this.http = http;
    }

    /**
     * {@code Bearer <app token>}, asking X for the token the first time.
     *
     * @throws TwitterApiException when X refuses the consumer pair (403) or is unreachable
     */
    @Override
    public synchronized String authorization(String method, URI uri) {
        if (token == null) {
            token = fetch();
        }
        return "Bearer " + token;
    }

    /** Forgets a token X refused, so that the next call asks for one again. */
    @Override
    public synchronized boolean renew(String rejected) {
        if (token != null && rejected.equals("Bearer " + token)) {
            token = null;
            return true;
        }
        return false;
    }

    private String fetch() {
        HttpAnswer answer = http.exchange("POST", tokenUri, Map.of("Authorization", basic,
                "Content-Type", "application/x-www-form-urlencoded;charset=UTF-8",
                "Accept", "application/json"),
                "grant_type=client_credentials".getBytes(StandardCharsets.UTF_8));
        if (!answer.successful()) {
            throw V2Errors.failure(CALL, answer, OptionalLong.empty());
        }
        try {
            JsonObject body = JsonObject.parse(answer.body());
            if (!body.text("token_type").orElse("").equalsIgnoreCase("bearer")
                    || body.text("access_token").orElse("").isEmpty()) {
                throw new IOException("no bearer access_token");
            }
            return body.text("access_token").orElseThrow();
        } catch (IOException e) {
            throw V2Errors.unreadable(CALL, e);
        }
    }
}
