package casebird.twitter.testing;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseConflictException.Kind;
import casebird.api.crm.CaseStatus;
import casebird.api.crm.CrmCase;
import casebird.api.crm.CrmException;
import casebird.api.crm.NotPermittedException;
import casebird.api.crm.NotPermittedException.Reason;
import java.util.Optional;
import java.util.Set;

/**
 * The fake CRM's rules for who may change a case and when, as the typed refusals the SDK
 * documents; a user's queues are null when the CRM has no such user.
 */
final class CaseRules {

    private CaseRules() {}

    /**
     * Checks that the user may accept the case.
     *
     * @return true when the user owns it already, so accepting changes nothing
     */
    static boolean checkAccept(CrmCase c, String user, Set<String> queues)
            throws CrmException {
        checkActive(c, user, queues);
        if (c.owner().equals(Optional.of(user))) {
            return true;
        }
        if (c.owner().isPresent()) {
            throw conflict(c, Kind.OWNED_BY_ANOTHER);
        }
        if (c.status() != CaseStatus.DISPATCHED) {
            throw conflict(c, Kind.NOT_DISPATCHED);
        }
        requireQueueMember(c, user, queues);
        return false;
    }

    /** Checks that the user may log a note on the case: its owner or in its queue. */
    static void checkLog(CrmCase c, String user, Set<String> queues) throws CrmException {
        checkActive(c, user, queues);
        if (!c.owner().equals(Optional.of(user))) {
            requireQueueMember(c, user, queues);
        }
    }

    /** Checks that the user may close the case: only its owner may. */
    static void checkClose(CrmCase c, String user, Set<String> queues) throws CrmException {
        checkActive(c, user, queues);
        if (!c.owner().equals(Optional.of(user))) {
            throw refusal(c, user, Reason.NOT_OWNER);
        }
    }

    private static void checkActive(CrmCase c, String user, Set<String> queues)
            throws CrmException {
        if (queues == null) {
            throw refusal(c, user, Reason.UNKNOWN_USER);
        }
        if (c.status() == CaseStatus.CLOSED) {
            throw conflict(c, Kind.CLOSED);
        }
    }

    private static void requireQueueMember(CrmCase c, String user, Set<String> queues)
            throws NotPermittedException {
        if (c.queue().filter(queues::contains).isEmpty()) {
            throw refusal(c, user, Reason.NOT_IN_QUEUE);
        }
    }

    private static CaseConflictException conflict(CrmCase c, Kind kind) {
        return new CaseConflictException(c.id(), kind, c.status(), c.owner());
    }

    private static NotPermittedException refusal(CrmCase c, String user, Reason reason) {
        return new NotPermittedException(c.id(), user, reason, c.queue(), c.owner());
    }
}
