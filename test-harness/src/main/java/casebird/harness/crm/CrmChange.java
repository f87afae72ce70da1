package casebird.harness.crm;

import casebird.api.crm.CrmException;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Map;
import java.util.Optional;

/**
 * One call that changed (or, for a keyed SDK call, answered) the CRM, as its journal keeps
 * it: replaying the calls in order, each at its recorded time, rebuilds the same CRM.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = CrmChange.AddUser.class, name = "user"),
    @JsonSubTypes.Type(value = CrmChange.SetField.class, name = "field"),
    @JsonSubTypes.Type(value = CrmChange.AddQueue.class, name = "queue"),
    @JsonSubTypes.Type(value = CrmChange.AddMember.class, name = "member"),
    @JsonSubTypes.Type(value = CrmChange.CreateCase.class, name = "case"),
    @JsonSubTypes.Type(value = CrmChange.Dispatch.class, name = "dispatch"),
    @JsonSubTypes.Type(value = CrmChange.Accept.class, name = "accept"),
    @JsonSubTypes.Type(value = CrmChange.LogNote.class, name = "log"),
    @JsonSubTypes.Type(value = CrmChange.Close.class, name = "close")
})
sealed interface CrmChange {

    /** When the call was made (ISO-8601), the time a replay runs it at. */
    String at();

    /** Makes the same call again; a keyed call's recorded failure is expected, not thrown. */
    void replay(InMemoryCrm crm);

    record AddUser(String login, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.addUser(login);
        }
    }

    record SetField(String login, String field, String value, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.setUserField(login, field, value);
        }
    }

    record AddQueue(String queue, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.addQueue(queue);
        }
    }

    record AddMember(String queue, String login, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.addQueueMember(queue, login);
        }
    }

    record CreateCase(long id, String title, Map<String, String> attributes, String at)
            implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.createCase(id, title, attributes);
        }
    }

    record Dispatch(long caseId, String queue, String actor, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            crm.dispatch(caseId, queue, actor);
        }
    }

    record Accept(long caseId, String user, String key, String at) implements CrmChange {
        public void replay(InMemoryCrm crm) {
            try {
                crm.accept(caseId, user, key);
            } catch (CrmException expected) {
                // The first call failed the same way; the ledger now remembers it again.
            }
        }
    }

    record LogNote(long caseId, String user, String text, String key, String at)
            implements CrmChange {
        public void replay(InMemoryCrm crm) {
            try {
                crm.logNote(caseId, user, text, key);
            } catch (CrmException expected) {
                // As for Accept: the recorded failure is part of the state being rebuilt.
            }
        }
    }

    /** A close; {@code note} is null when the call had none. */
    record Close(long caseId, String user, String note, String key, String at)
            implements CrmChange {
        public void replay(InMemoryCrm crm) {
            try {
                crm.close(caseId, user, Optional.ofNullable(note), key);
            } catch (CrmException expected) {
                // As for Accept: the recorded failure is part of the state being rebuilt.
            }
        }
    }
}
