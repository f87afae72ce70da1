package casebird.twitter.client;

import java.net.URI;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The few Twitter calls the plugin makes (over v1.1 or X API v2); every call may throw
 * {@link TwitterApiException} carrying the HTTP status and Twitter's error code.
 */
public interface TwitterPort {

    /** How many DM events a page holds when the caller does not say. */
    int DEFAULT_PAGE_SIZE = 50;

    /** The bot's own account, proving the credentials work. */
    BotAccount verifyCredentials();

    /** One page of DM events, newest first; no cursor asks for the first page. */
    EventPage listEvents(Optional<String> cursor);

    /**
     * One page of at most {@code maxResults} DM events (1 to 100), newest first; an adapter
     * that cannot size its pages reads its usual page.
     */
    default EventPage listEvents(Optional<String> cursor, int maxResults) {
        return listEvents(cursor);
    }

    /** Sends a DM from the bot to that user id. */
    SentMessage send(long recipientId, String text);

    /** The ids of the screen names Twitter knows (at most 100), keyed by the name as asked. */
    Map<String, Long> lookupIds(Collection<String> screenNames);

    /** The screen names of the account ids Twitter knows (at most 100), keyed by id. */
    Map<Long, String> lookupNames(Collection<Long> ids);

    /**
     * Creates a group conversation of the bot and {@code participantIds} (the others, 2 to
     * 49) whose first message is {@code text}.
     *
     * @throws RoomRefusedException when X refuses the room (403): naming a member who does
     *     not accept group DMs, or nobody
     * @throws NoRoomsException when the API has no group conversations (v1.1)
     */
    default RoomCreated createRoom(Collection<Long> participantIds, String text) {
        throw new NoRoomsException("X API v1.1");
    }

    /**
     * Posts {@code text} in a group conversation the bot is in.
     *
     * @throws NoRoomsException when the API has no group conversations (v1.1)
     */
    default SentMessage postToRoom(long conversationId, String text) {
        throw new NoRoomsException("X API v1.1");
    }

    /** Deletes one DM event from the bot's view. */
    void destroy(long eventId);

    /**
     * Makes {@code url} the one webhook of an Account Activity environment (Twitter checks
     * its CRC before it accepts it) and subscribes the bot, so its DM events are pushed there.
     */
    void registerWebhook(String env, URI url);
}
