package casebird.twitter.command;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CrmException;
import casebird.api.crm.NotPermittedException;
import java.util.Locale;

/** What came of one command, as the audit log records it. */
public enum Outcome {
    HELP, USAGE, ACCEPTED, ALREADY_YOURS, LOGGED, CLOSED, STATUS, MINE,
    NOT_FOUND, UNKNOWN_USER, NOT_IN_QUEUE, NOT_OWNER, OWNED_BY_ANOTHER, ALREADY_CLOSED,
    NOT_DISPATCHED, PARKED;

    /** The outcome of a command the CRM refused with that failure. */
    static Outcome of(CrmException refusal) {
        if (refusal instanceof NotPermittedException notPermitted) {
            return valueOf(notPermitted.reason().name());
        }
        if (refusal instanceof CaseConflictException conflict) {
            return switch (conflict.kind()) {
                case OWNED_BY_ANOTHER -> OWNED_BY_ANOTHER;
                case CLOSED -> ALREADY_CLOSED;
                case NOT_DISPATCHED -> NOT_DISPATCHED;
            };
        }
        return NOT_FOUND;
    }

    /** The outcome as one lower-case word, e.g. {@code not-in-queue}. */
    public String word() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
