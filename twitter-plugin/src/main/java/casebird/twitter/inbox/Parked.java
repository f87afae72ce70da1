package casebird.twitter.inbox;

import java.util.SortedMap;

/** The DM events parked after their command kept failing, for health to name. */
public interface Parked {

    /** The parked DM events, oldest first, each with what it was about. */
    SortedMap<Long, String> parked();
}
