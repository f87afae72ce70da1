package casebird.twitter.state;

/** The keys of the store's meta map, each named once. */
final class MetaKeys {

    /** The file's format version, see {@link StoreFormat}. */
    static final String FORMAT = "format";
    /** The highest DM event id the poller has examined. */
    static final String POSITION = "position";
    /** The id at or below which no DM event is ever handled. */
    static final String FLOOR = "floor";
    /** The id of the newest outbox entry ever queued. */
    static final String OUTBOX_SEQ = "outbox-seq";
    /** The day of the "not linked" reply count. */
    static final String UNLINKED_DAY = "unlinked-day";
    /** How many "not linked" replies were queued on that day. */
    static final String UNLINKED_COUNT = "unlinked-count";

    /** The bot's OAuth 2.0 access token. */
    static final String OAUTH2_ACCESS = "oauth2-access";
    /** The bot's OAuth 2.0 refresh token, single use. */
    static final String OAUTH2_REFRESH = "oauth2-refresh";
    /** When the access token expires, epoch milliseconds. */
    static final String OAUTH2_EXPIRES = "oauth2-expires";
    /** The SHA-256 of the seed refresh token set when the tokens were saved, or empty. */
    static final String OAUTH2_SEED = "oauth2-seed";

    private MetaKeys() {}
}
