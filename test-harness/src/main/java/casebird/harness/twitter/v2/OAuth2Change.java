package casebird.harness.twitter.v2;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * One change to the OAuth 2.0 server's lasting state as the fake's journal keeps it:
 * redirect URIs, grants and their tokens. Authorization codes (30 seconds) are not kept.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
    @JsonSubTypes.Type(value = OAuth2Change.RedirectUri.class, name = "redirect-uri"),
    @JsonSubTypes.Type(value = OAuth2Change.Grant.class, name = "grant"),
    @JsonSubTypes.Type(value = OAuth2Change.Access.class, name = "access"),
    @JsonSubTypes.Type(value = OAuth2Change.Refresh.class, name = "refresh"),
    @JsonSubTypes.Type(value = OAuth2Change.RefreshSpent.class, name = "refresh-spent"),
    @JsonSubTypes.Type(value = OAuth2Change.Drop.class, name = "drop"),
    @JsonSubTypes.Type(value = OAuth2Change.Expire.class, name = "expire")
})
public sealed interface OAuth2Change {

    /** A redirect URI registered for the client. */
    record RedirectUri(String uri) implements OAuth2Change {}

    /** An authorization by an account ({@code accountId} null: the app alone). */
    record Grant(long grantId, Long accountId, List<String> scopes) implements OAuth2Change {}

    /** An access token of a grant, valid until {@code expiresMillis} (epoch ms). */
    record Access(String token, long grantId, long expiresMillis) implements OAuth2Change {}

    /** A refresh token of a grant. */
    record Refresh(String token, long grantId) implements OAuth2Change {}

    /** A refresh token used up by a refresh. */
    record RefreshSpent(String token) implements OAuth2Change {}

    /** A grant revoked with all its tokens. */
    record Drop(long grantId) implements OAuth2Change {}

    /** Every access token of an account expired at {@code atMillis} (epoch ms). */
    record Expire(long accountId, long atMillis) implements OAuth2Change {}
}
