package casebird.api.crm;

import java.util.Optional;

/** The case's state does not allow the change; {@link #kind()} says what stands in the way. */
public final class CaseConflictException extends CrmException {

    /** What stands in the way. */
    public enum Kind {
        /** Another user owns the case; {@link #owner()} names them. */
        OWNED_BY_ANOTHER,
        /** The case is closed. */
        CLOSED,
        /** The case has not been dispatched to a queue, so nobody can accept it yet. */
        NOT_DISPATCHED
    }

    private final Kind kind;
    private final CaseStatus status;
    private final Optional<String> owner;

    public CaseConflictException(long caseId, Kind kind, CaseStatus status, Optional<String> owner) {
        super(caseId, "case " + caseId + " is " + status.word()
                + owner.map(o -> " (owner " + o + ")").orElse("") + ": " + kind);
        this.kind = kind;
        this.status = status;
        this.owner = owner;
    }

    public Kind kind() {
        return kind;
    }

    /** The case's status when the call was refused. */
    public CaseStatus status() {
        return status;
    }

    /** The case's owner when the call was refused, if it had one. */
    public Optional<String> owner() {
        return owner;
    }
}
