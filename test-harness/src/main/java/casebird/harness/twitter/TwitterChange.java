package casebird.harness.twitter;

import casebird.harness.twitter.v2.OAuth2Change;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One change to the fake API's state as its journal keeps it: the app's keys, accounts and
 * their tokens, DMs and their deletions, rate limits, OAuth 2.0 grants and tokens, group
 * conversations and their messages. Calls,
 * faults and the cost meter are not kept.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = TwitterChange.App.class, name = "app"),
    @JsonSubTypes.Type(value = TwitterChange.Account.class, name = "account"),
    @JsonSubTypes.Type(value = TwitterChange.Token.class, name = "token"),
    @JsonSubTypes.Type(value = TwitterChange.Revoke.class, name = "revoke"),
    @JsonSubTypes.Type(value = TwitterChange.Rename.class, name = "rename"),
    @JsonSubTypes.Type(value = TwitterChange.RefuseDms.class, name = "refuse-dms"),
    @JsonSubTypes.Type(value = TwitterChange.Message.class, name = "dm"),
    @JsonSubTypes.Type(value = TwitterChange.Hide.class, name = "hide"),
    @JsonSubTypes.Type(value = TwitterChange.Limit.class, name = "limit"),
    @JsonSubTypes.Type(value = TwitterChange.Lift.class, name = "lift"),
    @JsonSubTypes.Type(value = TwitterChange.OAuth2.class, name = "oauth2"),
    @JsonSubTypes.Type(value = TwitterChange.RefuseGroups.class, name = "refuse-groups"),
    @JsonSubTypes.Type(value = TwitterChange.Group.class, name = "group"),
    @JsonSubTypes.Type(value = TwitterChange.GroupMessage.class, name = "group-dm")
})
sealed interface TwitterChange {

    record App(String consumerKey, String consumerSecret) implements TwitterChange {}

    /** An account made with its first token; {@code createdAt} is ISO-8601. */
    record Account(long id, String screenName, String token, String tokenSecret,
            String createdAt) implements TwitterChange {}

    /** Another access token issued for an existing account. */
    record Token(long id, String token, String tokenSecret) implements TwitterChange {}

    record Revoke(String token) implements TwitterChange {}

    record Rename(String oldName, String newName) implements TwitterChange {}

    /** The account stops accepting DMs. */
    record RefuseDms(long id) implements TwitterChange {}

    /** A DM; {@code createdAt} is ISO-8601. */
    record Message(long id, long senderId, long recipientId, String text, String createdAt)
            implements TwitterChange {}

    record Hide(long accountId, long messageId) implements TwitterChange {}

    record Limit(String endpoint, int calls, long windowMillis) implements TwitterChange {}

    record Lift(String endpoint) implements TwitterChange {}

    /** A change to the OAuth 2.0 server: a redirect URI, a grant or one of its tokens. */
    record OAuth2(OAuth2Change change) implements TwitterChange {}

    /** The account stops accepting group DMs (it still accepts one-to-one ones). */
    record RefuseGroups(long id) implements TwitterChange {}

    /**
     * A group conversation made by {@code creatorId} with its members (the creator first)
     * and the id of its join event; {@code createdAt} is ISO-8601.
     */
    record Group(String conversationId, long creatorId, List<Long> memberIds,
            long joinEventId, String createdAt) implements TwitterChange {}

    /** A message posted in a group conversation; {@code createdAt} is ISO-8601. */
    record GroupMessage(long id, String conversationId, long senderId, String text,
            String createdAt) implements TwitterChange {}
}
