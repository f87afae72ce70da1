package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Grants;
import casebird.harness.twitter.v2.OAuth2Refusal;
import casebird.harness.twitter.v2.OAuth2Server;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The OAuth 2.0 calls: the authorize page, {@code POST /2/oauth2/token} (authorization
 * code with PKCE and refresh token grants under the client's Basic credentials, and
 * client credentials under the consumer key's, also at {@code /oauth2/token}) and
 * {@code POST /2/oauth2/revoke}. Refused grants answer 400 in OAuth's error format.
 */
final class OAuth2Endpoints implements HttpHandler {

    /** A pair of HTTP Basic credentials. */
    private record Basic(String id, String secret) {
    }

    private final OAuth2Server oauth2;
    private final AuthorizePage page;
    private final String consumerKey;
    private final String consumerSecret;

    OAuth2Endpoints(OAuth2Server oauth2, AuthorizePage page, String consumerKey,
            String consumerSecret) {
        this.oauth2 = oauth2;
        this.page = page;
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        ApiRequest request = ApiRequest.read(exchange);
        String call = exchange.getRequestMethod() + " " + exchange.getRequestURI().getRawPath();
        ApiResponse response;
        try {
            response = switch (call) {
                case "GET /i/oauth2/authorize" -> page.answer(request);
                case "POST /2/oauth2/token", "POST /oauth2/token" -> token(request);
                case "POST /2/oauth2/revoke" -> revoke(request);
                default -> new ApiResponse(404, Map.of(), V2Problems.problem(404,
                        "about:blank", "No such OAuth 2.0 call: " + call).toString());
            };
        } catch (OAuth2Refusal e) {
            response = refused(400, e);
        }
        ApiExchangeHandler.send(exchange, response);
    }

    private ApiResponse token(ApiRequest request) {
        String grant = request.param("grant_type").orElse("");
        Optional<Basic> basic = basic(request);
        if (grant.equals("client_credentials")) {
            if (basic.isEmpty()) {
                return unauthorized();
            }
            if (!basic.get().equals(new Basic(consumerKey, consumerSecret))) {
                return new ApiResponse(403, Map.of(), V2Problems.problem(403, "about:blank",
                        "The consumer key and secret do not match an app.").toString());
            }
            return ApiResponse.json(TwitterJson.MAPPER.createObjectNode()
                    .put("token_type", "bearer")
                    .put("access_token", oauth2.grants().issueAppOnly()));
        }
        if (basic.isEmpty() || !oauth2.isClient(basic.get().id(), basic.get().secret())) {
            return unauthorized();
        }
        OAuth2Grants.Tokens tokens = switch (grant) {
            case "authorization_code" -> oauth2.redeem(request.param("code").orElse(null),
                    request.param("redirect_uri").orElse(null),
                    request.param("code_verifier").orElse(null));
            case "refresh_token" -> oauth2.grants().refresh(
                    request.param("refresh_token").orElse(null));
            default -> throw new OAuth2Refusal("unsupported_grant_type",
                    "grant_type must be authorization_code, refresh_token or"
                            + " client_credentials: " + grant);
        };
        ObjectNode body = TwitterJson.MAPPER.createObjectNode().put("token_type", "bearer")
                .put("expires_in", tokens.expiresIn().toSeconds())
                .put("access_token", tokens.accessToken())
                .put("scope", String.join(" ", new TreeSet<>(tokens.scopes())));
        tokens.refreshToken().ifPresent(refresh -> body.put("refresh_token", refresh));
        return ApiResponse.json(body);
    }

    private ApiResponse revoke(ApiRequest request) {
        Optional<Basic> basic = basic(request);
        if (basic.isEmpty() || !oauth2.isClient(basic.get().id(), basic.get().secret())) {
            return unauthorized();
        }
        oauth2.grants().revoke(request.param("token").orElseThrow(() ->
                new OAuth2Refusal("invalid_request", "token is missing")));
        return ApiResponse.json(TwitterJson.MAPPER.createObjectNode().put("revoked", true));
    }

    private static ApiResponse unauthorized() {
        return refused(401, new OAuth2Refusal("unauthorized_client",
                "Missing valid authorization header"));
    }

    private static ApiResponse refused(int status, OAuth2Refusal refusal) {
        return new ApiResponse(status, Map.of(), TwitterJson.MAPPER.createObjectNode()
                .put("error", refusal.error())
                .put("error_description", refusal.getMessage()).toString());
    }

    /** The request's HTTP Basic credentials, each part form-decoded as RFC 6749 says. */
    private static Optional<Basic> basic(ApiRequest request) {
        String header = request.authorization().orElse("");
        if (!header.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(new Basic(
                FormEncoding.decode(decoded.substring(0, colon)),
                FormEncoding.decode(decoded.substring(colon + 1))));
    }
}
