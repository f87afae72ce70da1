package casebird.api.rule;

import casebird.api.crm.CrmCase;
import java.time.Instant;

/**
 * Something that happened to a case, as the rule manager hands it to actions.
 *
 * @param eventId unique for every event the host fires
 * @param type what happened
 * @param at when it happened
 * @param kase the case as the event left it (its queue, owner, notes)
 * @param actor the login of the user who caused the event
 */
public record RuleEvent(String eventId, Type type, Instant at, CrmCase kase, String actor) {

    /** The kinds of events rules can fire on. */
    public enum Type {
        CASE_DISPATCHED("case-dispatched"),
        CASE_ACCEPTED("case-accepted"),
        CASE_CLOSED("case-closed"),
        NOTE_LOGGED("note-logged");

        private final String word;

        Type(String word) {
            this.word = word;
        }

        /** The name rules use, e.g. {@code case-dispatched}. */
        public String word() {
            return word;
        }
    }
}
