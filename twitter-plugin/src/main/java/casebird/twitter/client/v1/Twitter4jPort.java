package casebird.twitter.client.v1;

import casebird.twitter.client.BotAccount;
import casebird.twitter.client.DmEvent;
import casebird.twitter.client.Endpoint;
import casebird.twitter.client.EventPage;
import casebird.twitter.client.RateLimitListener;
import casebird.twitter.client.SentMessage;
import casebird.twitter.client.TwitterApiException;
import casebird.twitter.client.TwitterPort;
import casebird.twitter.config.PluginSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import twitter4j.DirectMessage;
import twitter4j.DirectMessageList;
import twitter4j.HttpClientFactory;
import twitter4j.Logger;
import twitter4j.RateLimitStatus;
import twitter4j.ResponseList;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.TwitterResponse;
import twitter4j.User;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * The {@link TwitterPort} over twitter4j 4.0.7; with {@link AccountActivity} and
 * {@link DeliveryJson}, the only classes that touch twitter4j.
 *
 * <p>twitter4j's own retries are off (it would retry POSTs too); callers own the retry
 * policy. Its errors become {@link TwitterApiException}s. Every answer's rate-limit headers,
 * success or failure, go to the {@link RateLimitListener}.
 */
public final class Twitter4jPort implements TwitterPort {

    private final Twitter twitter;
    private final RateLimitListener rateLimits;
    private final AccountActivity activity;

    /**
     * Builds a client from the plugin's settings that reports rate-limit headers to the
     * listener.
     *
     * @throws IllegalStateException when twitter4j's debug logging is on (only a host's
     *     {@code twitter4j.loggerFactory} can turn it on: the plugin's twitter4j.properties
     *     gives twitter4j a null logger): it would log the OAuth base string, which holds
     *     the consumer key and access token
     */
    public Twitter4jPort(PluginSettings settings, RateLimitListener rateLimits) {
        refuseDebugLogging();
        Configuration configuration = configuration(settings);
        this.twitter = new TwitterFactory(configuration).getInstance();
        this.rateLimits = rateLimits;
        this.activity = new AccountActivity(
                HttpClientFactory.getInstance(configuration.getHttpClientConfiguration()),
                twitter.getAuthorization(), settings.api().baseUrl());
    }

    /**
     * Checks that twitter4j will not log OAuth secrets.
     *
     * @throws IllegalStateException when twitter4j's debug logging is on: it would log the
     *     OAuth base string, which holds the consumer key and access token
     */
    public static void refuseDebugLogging() {
        if (Logger.getLogger(Twitter4jPort.class).isDebugEnabled()) {
            throw new IllegalStateException("twitter4j debug logging is on and would log OAuth"
                    + " credentials; remove the twitter4j.loggerFactory system property or"
                    + " environment variable, or keep twitter4j's loggers at INFO");
        }
    }

    private static Configuration configuration(PluginSettings settings) {
        PluginSettings.Api api = settings.api();
        int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, api.httpTimeout().toMillis());
        PluginSettings.Credentials c = settings.credentials().orElseThrow(
                () -> new IllegalArgumentException("X API v1.1 needs the four OAuth 1.0a keys"));
        return new ConfigurationBuilder()
                .setDebugEnabled(false)
                .setRestBaseURL(api.baseUrl())
                .setOAuthConsumerKey(c.consumerKey())
                .setOAuthConsumerSecret(c.consumerSecret())
                .setOAuthAccessToken(c.accessToken())
                .setOAuthAccessTokenSecret(c.accessTokenSecret())
                .setHttpRetryCount(0)
                .setHttpRetryIntervalSeconds(0)
                .setHttpConnectionTimeout(timeoutMillis)
                .setHttpReadTimeout(timeoutMillis)
                .setJSONStoreEnabled(false)
                .setTrimUserEnabled(true)
                .setIncludeEntitiesEnabled(false)
                .setGZIPEnabled(false)
                .build();
    }

    @Override
    public BotAccount verifyCredentials() {
        try {
            User me = learned(Endpoint.VERIFY_CREDENTIALS, twitter.verifyCredentials());
            return new BotAccount(me.getId(), me.getScreenName());
        } catch (TwitterException e) {
            throw translate(Endpoint.VERIFY_CREDENTIALS, e);
        }
    }

    @Override
    public EventPage listEvents(Optional<String> cursor) {
        try {
            DirectMessageList list = learned(Endpoint.DM_LIST, cursor.isPresent()
                    ? twitter.getDirectMessages(DEFAULT_PAGE_SIZE, cursor.get())
                    : twitter.getDirectMessages(DEFAULT_PAGE_SIZE));
            List<DmEvent> events = new ArrayList<>(list.size());
            for (DirectMessage dm : list) {
                events.add(new DmEvent(dm.getId(), dm.getSenderId(), dm.getRecipientId(),
                        dm.getText(), dm.getCreatedAt().toInstant()));
            }
            String next = list.getNextCursor();
            return new EventPage(events, Optional.ofNullable(next).filter(n -> !n.isEmpty()));
        } catch (TwitterException e) {
            throw translate(Endpoint.DM_LIST, e);
        }
    }

    @Override
    public SentMessage send(long recipientId, String text) {
        try {
            DirectMessage dm = learned(Endpoint.DM_SEND,
                    twitter.sendDirectMessage(recipientId, text));
            return new SentMessage(dm.getId(), dm.getRecipientId());
        } catch (TwitterException e) {
            throw translate(Endpoint.DM_SEND, e);
        }
    }

    @Override
    public Map<String, Long> lookupIds(Collection<String> screenNames) {
        Map<String, String> asked = new HashMap<>();
        screenNames.forEach(n -> asked.put(n.toLowerCase(Locale.ROOT), n));
        Map<String, Long> ids = new HashMap<>();
        for (User u : users(() -> twitter.lookupUsers(screenNames.toArray(String[]::new)))) {
            String name = asked.get(u.getScreenName().toLowerCase(Locale.ROOT));
            if (name != null) {
                ids.put(name, u.getId());
            }
        }
        return ids;
    }

    @Override
    public Map<Long, String> lookupNames(Collection<Long> ids) {
        Map<Long, String> names = new HashMap<>();
        users(() -> twitter.lookupUsers(ids.stream().mapToLong(Long::longValue).toArray()))
                .forEach(u -> names.put(u.getId(), u.getScreenName()));
        return names;
    }

    /** One users/lookup call: the users it found, none when Twitter found none (a 404). */
    private List<User> users(UsersCall call) {
        try {
            return learned(Endpoint.USERS_LOOKUP, call.get());
        } catch (TwitterException e) {
            if (e.getStatusCode() == 404) {
                learn(Endpoint.USERS_LOOKUP, e.getRateLimitStatus());
                return List.of();
            }
            throw translate(Endpoint.USERS_LOOKUP, e);
        }
    }

    /** A users/lookup call through twitter4j. */
    private interface UsersCall {
        ResponseList<User> get() throws TwitterException;
    }

    @Override
    public void destroy(long eventId) {
        try {
            learned(Endpoint.DM_DESTROY, twitter.destroyDirectMessage(eventId));
        } catch (TwitterException e) {
            throw translate(Endpoint.DM_DESTROY, e);
        }
    }

    @Override
    public void registerWebhook(String env, URI url) {
        try {
            activity.register(env, url);
        } catch (TwitterException e) {
            throw translate(Endpoint.WEBHOOKS, e);
        }
    }

    private <T extends TwitterResponse> T learned(Endpoint endpoint, T response) {
        if (response != null) {
            learn(endpoint, response.getRateLimitStatus());
        }
        return response;
    }

    private void learn(Endpoint endpoint, RateLimitStatus status) {
        if (status != null) {
            rateLimits.learn(endpoint, status.getLimit(), status.getRemaining(),
                    status.getResetTimeInSeconds());
        }
    }

    private TwitterApiException translate(Endpoint endpoint, TwitterException e) {
        learn(endpoint, e.getRateLimitStatus());
        String why = e.isErrorMessageAvailable() ? e.getErrorMessage() : "no error message";
        return new TwitterApiException(endpoint.path() + " failed: " + why,
                e.getStatusCode(), e.getErrorCode(), resetHeader(e), e);
    }

    private static OptionalLong resetHeader(TwitterException e) {
        try {
            String value = e.getResponseHeader("x-rate-limit-reset");
            return value == null
                    ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(value.trim()));
        } catch (RuntimeException missingOrMalformed) {
            return OptionalLong.empty();
        }
    }
}
