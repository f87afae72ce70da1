package casebird.api.crm;

/** A failure of an SDK call that carries the facts a reply to the user needs. */
public abstract sealed class CrmException extends Exception
        permits CaseNotFoundException, NotPermittedException, CaseConflictException {

    private final long caseId;

    protected CrmException(long caseId, String message) {
        super(message);
        this.caseId = caseId;
    }

    /** The case the call was about. */
    public long caseId() {
        return caseId;
    }
}
