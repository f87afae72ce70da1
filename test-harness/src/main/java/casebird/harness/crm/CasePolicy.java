package casebird.harness.crm;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.crm.NotPermittedException;
import casebird.api.crm.NotPermittedException.Reason;
import java.util.Optional;

/** The CRM's rules for who may change a case and when, as typed failures. */
final class CasePolicy {

    private final CrmDirectory directory;

    CasePolicy(CrmDirectory directory) {
        this.directory = directory;
    }

    /**
     * Checks that the user may accept the case.
     *
     * @return true when the user already owns it, so accepting changes nothing
     */
    boolean checkAccept(CrmCase kase, String user)
            throws NotPermittedException, CaseConflictException {
        checkActive(kase, user);
        if (kase.status() == CaseStatus.ACCEPTED) {
            if (kase.owner().equals(Optional.of(user))) {
                return true;
            }
            throw conflict(kase, CaseConflictException.Kind.OWNED_BY_ANOTHER);
        }
        if (kase.status() == CaseStatus.OPEN) {
            throw conflict(kase, CaseConflictException.Kind.NOT_DISPATCHED);
        }
        if (!directory.isMember(kase.queue(), user)) {
            throw refused(kase, user, Reason.NOT_IN_QUEUE);
        }
        return false;
    }

    /** Checks that the user may log a note on the case. */
    void checkLog(CrmCase kase, String user) throws NotPermittedException, CaseConflictException {
        checkActive(kase, user);
        boolean owner = kase.owner().equals(Optional.of(user));
        if (!owner && !directory.isMember(kase.queue(), user)) {
            throw refused(kase, user, Reason.NOT_IN_QUEUE);
        }
    }

    /** Checks that the user may close the case. */
    void checkClose(CrmCase kase, String user)
            throws NotPermittedException, CaseConflictException {
        checkActive(kase, user);
        if (!kase.owner().equals(Optional.of(user))) {
            throw refused(kase, user, Reason.NOT_OWNER);
        }
    }

    private void checkActive(CrmCase kase, String user)
            throws NotPermittedException, CaseConflictException {
        if (!directory.userExists(user)) {
            throw refused(kase, user, Reason.UNKNOWN_USER);
        }
        if (kase.status() == CaseStatus.CLOSED) {
            throw conflict(kase, CaseConflictException.Kind.CLOSED);
        }
    }

    private static CaseConflictException conflict(CrmCase kase, CaseConflictException.Kind kind) {
        return new CaseConflictException(kase.id(), kind, kase.status(), kase.owner());
    }

    private static NotPermittedException refused(CrmCase kase, String user, Reason reason) {
        return new NotPermittedException(kase.id(), user, reason, kase.queue(), kase.owner());
    }
}
