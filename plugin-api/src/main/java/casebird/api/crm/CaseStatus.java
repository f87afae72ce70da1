package casebird.api.crm;

import java.util.Locale;

/** The life of a case: open, dispatched to a queue, accepted by an owner, closed. */
public enum CaseStatus {
    OPEN, DISPATCHED, ACCEPTED, CLOSED;

    /** The lower-case word used in replies and scenario files. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
