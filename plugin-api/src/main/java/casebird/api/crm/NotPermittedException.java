package casebird.api.crm;

import java.util.Optional;

/** The acting user may not make that change or see that case; {@link #reason()} says why. */
public final class NotPermittedException extends CrmException {

    /** Why a change was refused. */
    public enum Reason {
        /** No CRM user has the acting login. */
        UNKNOWN_USER,
        /**
         * The user is not a member of the case's queue (and, for a read, not its owner
         * either).
         */
        NOT_IN_QUEUE,
        /** Only the case's owner may do this. */
        NOT_OWNER
    }

    private final String user;
    private final Reason reason;
    private final Optional<String> queue;
    private final Optional<String> owner;

    public NotPermittedException(
            long caseId, String user, Reason reason, Optional<String> queue,
            Optional<String> owner) {
        super(caseId, "user " + user + " is refused case " + caseId + ": " + reason);
        this.user = user;
        this.reason = reason;
        this.queue = queue;
        this.owner = owner;
    }

    /** The acting user's login. */
    public String user() {
        return user;
    }

    public Reason reason() {
        return reason;
    }

    /** The case's queue, if it has one. */
    public Optional<String> queue() {
        return queue;
    }

    /** The case's owner, if it has one. */
    public Optional<String> owner() {
        return owner;
    }
}
