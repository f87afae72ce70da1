package casebird.twitter.command;

import casebird.api.crm.CaseConflictException;
import casebird.api.crm.CaseNotFoundException;
import casebird.api.crm.CrmException;
import casebird.api.crm.NotPermittedException;

/** The replies that tell an agent exactly why the CRM refused a command. */
final class FailureReplies {

    private FailureReplies() {}

    /** The reply to a command of that verb that the CRM refused with that failure. */
    static String of(Verb verb, CrmException failure) {
        if (failure instanceof CaseNotFoundException) {
            return notFound(failure.caseId());
        }
        if (failure instanceof NotPermittedException refusal) {
            return notPermitted(verb, refusal);
        }
        return conflict(verb, (CaseConflictException) failure);
    }

    private static String notFound(long caseId) {
        return "Case " + caseId + " was not found.";
    }

    private static String notPermitted(Verb verb, NotPermittedException refusal) {
        String start = "You can't " + doing(verb) + " case " + refusal.caseId() + ": ";
        return switch (refusal.reason()) {
            case UNKNOWN_USER -> start + "the CRM has no user " + refusal.user() + ".";
            case NOT_IN_QUEUE -> start + refusal.queue()
                    .map(queue -> "you are not a member of its queue " + queue + ".")
                    .orElse("it is not in any queue of yours.");
            case NOT_OWNER -> start + refusal.owner()
                    .map(owner -> "it is owned by " + owner + ".")
                    .orElse("only its owner can, and nobody has accepted it yet.");
        };
    }

    private static String conflict(Verb verb, CaseConflictException conflict) {
        long caseId = conflict.caseId();
        return switch (conflict.kind()) {
            case OWNED_BY_ANOTHER -> "Case " + caseId + " was already accepted by "
                    + conflict.owner().orElse("someone else") + ".";
            case CLOSED -> "Case " + caseId + " is already closed.";
            case NOT_DISPATCHED -> "You can't " + doing(verb) + " case " + caseId
                    + " yet: it is " + conflict.status().word() + ", not dispatched to a queue.";
        };
    }

    private static String doing(Verb verb) {
        return switch (verb) {
            case LOG -> "log a note on";
            case STATUS -> "see";
            default -> verb.word();
        };
    }
}
