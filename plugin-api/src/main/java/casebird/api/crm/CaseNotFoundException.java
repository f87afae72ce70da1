package casebird.api.crm;

/** No case has the id the call named. */
public final class CaseNotFoundException extends CrmException {

    public CaseNotFoundException(long caseId) {
        super(caseId, "case " + caseId + " not found");
    }
}
