package casebird.twitter.state;

import org.h2.mvstore.MVMap;

/**
 * The store's format version: stamps a new file, migrates an older one step by step, and
 * refuses a newer one with the reason.
 *
 * <p>Format 1 had no look-back: nothing at or below the poller's position ever ran again.
 * Format 2 looks back a margin below the position for late events and keeps a floor below
 * which nothing runs; migrating sets the floor to the position, which keeps format 1's
 * promise for every event it already passed.
 */
final class StoreFormat {

    static final int CURRENT = 2;

    private StoreFormat() {}

    /**
     * Brings the meta map to the current format; the caller commits.
     *
     * @throws StateFormatException when the file is newer than this plugin or unreadable
     */
    static void upgrade(MVMap<String, String> meta, String file) {
        String declared = meta.get(MetaKeys.FORMAT);
        if (declared == null) {
            meta.put(MetaKeys.FORMAT, Integer.toString(CURRENT));
            return;
        }
        int format = parse(declared, file);
        if (format > CURRENT) {
            throw new StateFormatException(file, declared, CURRENT, "it was written by a newer"
                    + " casebird plugin; install that version again (its data is kept as is)");
        }
        if (format < 2) {
            String position = meta.get(MetaKeys.POSITION);
            if (position != null) {
                meta.put(MetaKeys.FLOOR, position);
            }
        }
        meta.put(MetaKeys.FORMAT, Integer.toString(CURRENT));
    }

    private static int parse(String declared, String file) {
        try {
            int format = Integer.parseInt(declared);
            if (format >= 1) {
                return format;
            }
        } catch (NumberFormatException e) {
            // reported below with the value found
        }
        throw new StateFormatException(file, "'" + declared + "'", CURRENT,
                "it is not a casebird state file; move it away to start afresh");
    }
}
