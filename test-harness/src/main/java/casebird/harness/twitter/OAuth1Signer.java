package casebird.harness.twitter;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OAuth 1.0a HMAC-SHA1 signing per RFC 5849, shared by the fake API's verification and by
 * clients: the base string holds the query, the oauth_* parameters and form-encoded body
 * parameters, never a JSON body.
 */
public final class OAuth1Signer {

    private OAuth1Signer() {
    }

    /** The {@code Authorization} header value for a request signed with these credentials. */
    public static String authorizationHeader(String method, URI url,
            Map<String, String> formParams, String consumerKey, String consumerSecret,
            String token, String tokenSecret, String nonce, long timestampSeconds) {
        Map<String, String> oauth = new TreeMap<>();
        oauth.put("oauth_consumer_key", consumerKey);
        oauth.put("oauth_nonce", nonce);
        oauth.put("oauth_signature_method", "HMAC-SHA1");
        oauth.put("oauth_timestamp", Long.toString(timestampSeconds));
        oauth.put("oauth_token", token);
        oauth.put("oauth_version", "1.0");
        List<Map.Entry<String, String>> params = new ArrayList<>(oauth.entrySet());
        params.addAll(formParams.entrySet());
        oauth.put("oauth_signature", signature(method, url, params, consumerSecret, tokenSecret));
        return oauth.entrySet().stream()
                .map(e -> FormEncoding.percentEncode(e.getKey()) + "=\""
                        + FormEncoding.percentEncode(e.getValue()) + "\"")
                .collect(Collectors.joining(", ", "OAuth ", ""));
    }

    /** The base64 HMAC-SHA1 signature of a request; {@code params} excludes the query. */
    static String signature(String method, URI url, List<Map.Entry<String, String>> params,
            String consumerSecret, String tokenSecret) {
        String key = FormEncoding.percentEncode(consumerSecret) + "&"
                + FormEncoding.percentEncode(tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] digest = mac.doFinal(
                    baseString(method, url, params).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is missing from this JDK", e);
        }
    }

    /** RFC 5849 section 3.4.1: method, normalized URL and sorted encoded parameters. */
    static String baseString(String method, URI url, List<Map.Entry<String, String>> params) {
        List<Map.Entry<String, String>> all = new ArrayList<>(
                FormEncoding.decodeForm(url.getRawQuery()));
        all.addAll(params);
        String normalized = all.stream()
                .map(e -> Map.entry(FormEncoding.percentEncode(e.getKey()),
                        FormEncoding.percentEncode(e.getValue())))
                .sorted(Map.Entry.<String, String>comparingByKey()
                        .thenComparing(Map.Entry.comparingByValue(Comparator.naturalOrder())))
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return method.toUpperCase(Locale.ROOT) + "&"
                + FormEncoding.percentEncode(normalizedUrl(url)) + "&"
                + FormEncoding.percentEncode(normalized);
    }

    private static String normalizedUrl(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80
                || scheme.equals("https") && port == 443;
        String path = url.getRawPath() == null || url.getRawPath().isEmpty()
                ? "/" : url.getRawPath();
        return scheme + "://" + url.getHost().toLowerCase(Locale.ROOT)
                + (defaultPort ? "" : ":" + port) + path;
    }
}
