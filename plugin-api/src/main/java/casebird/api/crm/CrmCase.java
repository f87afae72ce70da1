package casebird.api.crm;

import java.util.List;
import java.util.Optional;

/**
 * A CRM case as the SDK reports it.
 *
 * @param id the case's number
 * @param title one line describing the problem
 * @param status where the case is in its life
 * @param queue the queue it was dispatched to, if any
 * @param owner the login of the user who accepted it, if any
 * @param notes the notes logged to it, oldest first
 */
public record CrmCase(
        long id,
        String title,
        CaseStatus status,
        Optional<String> queue,
        Optional<String> owner,
        List<CaseNote> notes) {

    public CrmCase {
        notes = List.copyOf(notes);
    }
}
