package casebird.harness.scenario;

import casebird.harness.twitter.FakeTwitterApi;
import casebird.harness.twitter.OAuth2Authorizer;
import casebird.harness.twitter.TwitterAccount;
import casebird.harness.twitter.XApiV2;
import casebird.harness.twitter.v2.OAuth2Grants;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * What {@code serve} prints so that any client can reach a world's fake API under the API
 * in use: the OAuth 1.0a keys of the app and of every account, for v2 also the OAuth 2.0
 * client and a fresh access and refresh token for every account, and the webhook with push.
 */
public final class WorldCredentials {

    private WorldCredentials() {}

    /**
     * The lines to print, each without its line break; under v2 each account gets a new
     * OAuth 2.0 grant with the bot's scopes (its access token lives 2 minutes).
     */
    public static List<String> lines(World world) {
        FakeTwitterApi twitter = world.twitter();
        boolean v2 = world.apiChoice().api() == ApiVersion.V2;
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Serving. The fake Twitter API is at " + (v2 ? twitter.v2().baseUrl()
                + " (v2; v1.1 at " + twitter.baseUrl() + ")" : twitter.baseUrl()));
        lines.add("consumer key:    " + twitter.consumerKey());
        lines.add("consumer secret: " + twitter.consumerSecret());
        if (v2) {
            lines.add("OAuth 2.0 client id:     " + twitter.v2().oauth2().clientId());
            lines.add("OAuth 2.0 client secret: " + twitter.v2().oauth2().clientSecret());
            lines.add("authorize at " + twitter.v2().authorizeUrl() + ", tokens from "
                    + twitter.v2().tokenUrl());
        }
        for (TwitterAccount account : twitter.accounts()) {
            String role = account.id() == world.bot().id() ? "  (the bot)" : "";
            lines.add(String.format("@%-16s id %-12d token %s  secret %s%s",
                    account.screenName(), account.id(), account.accessToken(),
                    account.accessTokenSecret(), role));
            if (v2) {
                lines.add(oauth2Line(twitter.v2(), account));
            }
        }
        twitter.webhookUrls().forEach(url ->
                lines.add("The plugin's webhook (push is on): " + url));
        if (v2) {
            lines.addAll(pushLines(twitter.v2()));
        }
        lines.add((v2 ? "DM the bot (POST " + twitter.v2().baseUrl() + "dm_conversations/with/"
                + world.bot().id() + "/messages with a Bearer access token, which lasts 2"
                + " minutes: refresh it at the token URL)"
                : "DM the bot (POST direct_messages/events/new.json, recipient_id "
                + world.bot().id() + ")") + " as any account above. Enter prints the plugin's"
                + " health; Ctrl-C stops.");
        lines.add("");
        return lines;
    }

    /** How a client pushes under v2: the app-only Bearer and the X Activity API's calls. */
    private static List<String> pushLines(XApiV2 v2) {
        List<String> lines = new ArrayList<>();
        lines.add("Push (X Activity API): an app-only Bearer from POST "
                + v2.baseUrl().resolve("/oauth2/token") + " (grant_type=client_credentials,"
                + " HTTP Basic consumer key:secret) for " + v2.baseUrl()
                + "activity/subscriptions (dm.received, filter.user_id the bot),");
        lines.add("  " + v2.baseUrl() + "activity/stream (one JSON event a line, keep-alive"
                + " \\r\\n) and " + v2.baseUrl() + "webhooks (CRC with the consumer secret;"
                + " http on 127.0.0.1 accepted)");
        v2.webhookUrl().ifPresent(url -> lines.add("The plugin's v2 webhook: " + url));
        return lines;
    }

    private static String oauth2Line(XApiV2 v2, TwitterAccount account) {
        OAuth2Grants.Tokens tokens = v2.oauth2().grants().issue(account.id(),
                new HashSet<>(Arrays.asList(OAuth2Authorizer.BOT_SCOPES.split(" "))));
        return String.format("  %-16s OAuth 2.0 access token %s  refresh token %s", "",
                tokens.accessToken(), tokens.refreshToken().orElse("(none)"));
    }
}
