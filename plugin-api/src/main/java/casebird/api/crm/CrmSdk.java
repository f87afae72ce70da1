package casebird.api.crm;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CRM's SDK as the host publishes it to plugins.
 *
 * <p>Every change is made as a named CRM user, with that user's rights, and carries an
 * idempotency key: a call with a key the CRM has already seen returns the first call's
 * result (or throws its failure again) and changes nothing.
 */
public interface CrmSdk {

    /** The case with that id and its notes, if it exists. */
    Optional<CrmCase> findCase(long caseId);

    /**
     * The case with that id and its notes, as the given user may see it: only a case in one
     * of the user's queues or owned by the user. Since host contract 1.2.0; the default
     * applies that rule through {@link #findCase}, {@link #userExists} and
     * {@link #queueMembers}, and a host whose CRM has its own read permissions overrides it.
     *
     * @throws CaseNotFoundException when no case has that id
     * @throws NotPermittedException when the user is unknown ({@code UNKNOWN_USER}), or is
     *     neither a member of the case's queue nor its owner ({@code NOT_IN_QUEUE})
     */
    default CrmCase viewCase(long caseId, String asUser) throws CrmException {
        CrmCase found = findCase(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        NotPermittedException.Reason refusal;
        if (!userExists(asUser)) {
            refusal = NotPermittedException.Reason.UNKNOWN_USER;
        } else if (found.owner().equals(Optional.of(asUser))
                || found.queue().map(q -> queueMembers(q).contains(asUser)).orElse(false)) {
            return found;
        } else {
            refusal = NotPermittedException.Reason.NOT_IN_QUEUE;
        }
        throw new NotPermittedException(caseId, asUser, refusal, found.queue(), found.owner());
    }

    /** The open (not closed) cases the user owns, newest first. */
    List<CrmCase> openCasesOwnedBy(String login);

    /**
     * Accepts a dispatched case as the given user.
     *
     * @return the case after the call; {@code changed} is false when the user already
     *     owned it
     * @throws CaseNotFoundException when no case has that id
     * @throws NotPermittedException when the user is unknown or not a member of the
     *     case's queue
     * @throws CaseConflictException when another user owns it, it is closed, or it is not
     *     dispatched
     */
    CaseUpdate accept(long caseId, String asUser, String idempotencyKey) throws CrmException;

    /**
     * Adds a note to a case as the given user.
     *
     * @throws CaseNotFoundException when no case has that id
     * @throws NotPermittedException when the user is neither the owner nor a member of
     *     the case's queue
     * @throws CaseConflictException when the case is closed
     */
    CaseUpdate logNote(long caseId, String asUser, String text, String idempotencyKey)
            throws CrmException;

    /**
     * Closes a case as its owner, adding the note first when one is given.
     *
     * @throws CaseNotFoundException when no case has that id
     * @throws NotPermittedException when the user does not own the case
     * @throws CaseConflictException when the case is already closed
     */
    CaseUpdate close(long caseId, String asUser, Optional<String> note, String idempotencyKey)
            throws CrmException;

    /** The logins of a queue's members; empty for an unknown queue. */
    List<String> queueMembers(String queue);

    /** Whether a CRM user with that login exists. */
    boolean userExists(String login);

    /** A user's custom field, if the user exists and the field is set. */
    Optional<String> userField(String login, String field);

    /** Every user whose custom field is set: login to the field's value. */
    Map<String, String> usersWithField(String field);
}
