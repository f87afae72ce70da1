package casebird.twitter.client.v1;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import twitter4j.HttpClient;
import twitter4j.HttpParameter;
import twitter4j.JSONArray;
import twitter4j.JSONException;
import twitter4j.JSONObject;
import twitter4j.TwitterException;
import twitter4j.auth.Authorization;

/**
 * The Account Activity calls twitter4j 4.0.7 lacks, made with its HTTP client and OAuth
 * signer: keep one webhook (this plugin's URL) in an environment and subscribe the bot.
 */
final class AccountActivity {

    private static final HttpParameter[] NONE = new HttpParameter[0];
    private static final int ALREADY_SUBSCRIBED = 409;

    private final HttpClient http;
    private final Authorization authorization;
    private final String baseUrl;

    AccountActivity(HttpClient http, Authorization authorization, String baseUrl) {
        this.http = http;
        this.authorization = authorization;
        this.baseUrl = baseUrl;
    }

    /**
     * Deletes the environment's webhooks at other URLs, registers {@code url} unless it is
     * there and valid (Twitter checks its CRC before answering), and subscribes the bot.
     */
    void register(String env, URI url) throws TwitterException {
        String webhooks = baseUrl + "account_activity/all/" + env + "/webhooks";
        boolean registered = false;
        JSONArray list = http.get(webhooks + ".json", NONE, authorization, null).asJSONArray();
        try {
            for (int i = 0; i < list.length(); i++) {
                JSONObject hook = list.getJSONObject(i);
                String id = hook.getString("id");
                if (!url.toString().equals(hook.getString("url"))) {
                    http.delete(webhooks + "/" + id + ".json", NONE, authorization, null);
                } else if (!hook.optBoolean("valid", false)) {
                    http.put(webhooks + "/" + id + ".json", NONE, authorization, null);
                    registered = true;
                } else {
                    registered = true;
                }
            }
        } catch (JSONException e) {
            throw new TwitterException("unexpected webhooks list: " + e.getMessage(), e);
        }
        if (!registered) {
            http.post(webhooks + ".json?url=" + URLEncoder.encode(url.toString(),
                    StandardCharsets.UTF_8), NONE, authorization, null);
        }
        subscribe(env);
    }

    private void subscribe(String env) throws TwitterException {
        try {
            http.post(baseUrl + "account_activity/all/" + env + "/subscriptions.json", NONE,
                    authorization, null);
        } catch (TwitterException e) {
            if (e.getStatusCode() != ALREADY_SUBSCRIBED) {
                throw e;
            }
        }
    }
}
