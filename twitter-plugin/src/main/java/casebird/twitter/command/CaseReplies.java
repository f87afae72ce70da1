package casebird.twitter.command;

import casebird.api.crm.CaseNote;
import casebird.api.crm.CaseUpdate;
import casebird.api.crm.CrmCase;
import java.util.List;

/** The replies to commands the CRM carried out. */
final class CaseReplies {

    private CaseReplies() {}

    /** The reply to an accept: taken now, or already the agent's own. */
    static String accepted(CaseUpdate update) {
        CrmCase acceptedCase = update.after();
        if (!update.changed()) {
            return "Case " + acceptedCase.id() + " is already yours.";
        }
        return "Accepted case " + acceptedCase.id() + " (" + acceptedCase.title()
                + "). It's yours.";
    }

    /** The reply to a logged note. */
    static String logged(long caseId) {
        return "Logged your note on case " + caseId + ".";
    }

    /** The reply to a close, saying whether the agent's note went with it. */
    static String closed(long caseId, boolean withNote) {
        return "Closed case " + caseId + (withNote ? " with your note." : ".");
    }

    /** A case's title, status, queue, owner and last note, one per line. */
    static String status(CrmCase crmCase) {
        return "Case " + crmCase.id() + ": " + crmCase.title()
                + "\nStatus: " + crmCase.status().word()
                + "\nQueue: " + crmCase.queue().orElse("none")
                + "\nOwner: " + crmCase.owner().orElse("nobody yet")
                + "\n" + lastNote(crmCase.notes());
    }

    private static String lastNote(List<CaseNote> notes) {
        if (notes.isEmpty()) {
            return "No notes yet.";
        }
        CaseNote last = notes.get(notes.size() - 1);
        return "Last note, by " + last.author() + ": " + last.text();
    }
}
