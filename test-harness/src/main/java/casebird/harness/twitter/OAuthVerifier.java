package casebird.harness.twitter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Checks a request's OAuth 1.0a HMAC-SHA1 signature against the app and its tokens. */
final class OAuthVerifier {

    private final String consumerKey;
    private final String consumerSecret;
    private final AccountRegistry accounts;

    OAuthVerifier(String consumerKey, String consumerSecret, AccountRegistry accounts) {
        this.consumerKey = consumerKey;
        this.consumerSecret = consumerSecret;
        this.accounts = accounts;
    }

    /**
     * The account a correctly signed request acts as.
     *
     * @throws TwitterApiError 401 code 89 for an unknown token, code 32 for anything else
     */
    TwitterAccount verify(ApiRequest request) {
        Map<String, String> oauth = parseHeader(request.authorization().orElse(""));
        String signature = oauth.remove("oauth_signature");
        oauth.remove("realm");
        if (signature == null || !consumerKey.equals(oauth.get("oauth_consumer_key"))
                || !"HMAC-SHA1".equals(oauth.get("oauth_signature_method"))
                || !oauth.containsKey("oauth_token")) {
            throw TwitterApiError.of(401, 32);
        }
        TwitterAccount account = accounts.byToken(oauth.get("oauth_token"))
                .orElseThrow(() -> TwitterApiError.of(401, 89));
        List<Map.Entry<String, String>> params = new ArrayList<>(oauth.entrySet());
        params.addAll(request.form());
        String expected = OAuth1Signer.signature(request.method(), request.signedUrl(), params,
                consumerSecret, account.accessTokenSecret());
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            throw TwitterApiError.of(401, 32);
        }
        return account;
    }

    private static Map<String, String> parseHeader(String header) {
        Map<String, String> params = new HashMap<>();
        if (!header.toLowerCase(Locale.ROOT).startsWith("oauth ")) {
            return params;
        }
        for (String part : header.substring(6).split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String value = part.substring(eq + 1).trim();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            params.put(FormEncoding.decode(part.substring(0, eq).trim()),
                    FormEncoding.decode(value));
        }
        return params;
    }
}
