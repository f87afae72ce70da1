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

    private MetaKeys() {}
}
