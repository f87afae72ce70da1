package casebird.twitter.notify;

import casebird.api.crm.CrmSdk;
import casebird.api.rule.RuleEvent;
import casebird.twitter.outbox.Recipient;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The action's {@code to} setting: queue-members, queue-room (the queue's group
 * conversation, X API v2 only), case-owner, CRM logins and @screen_names.
 */
final class RecipientList {

    static final String QUEUE_MEMBERS = "queue-members";
    static final String QUEUE_ROOM = "queue-room";
    static final String CASE_OWNER = "case-owner";
    private static final String SCREEN_NAME = "@[A-Za-z0-9_]{1,15}";

    private final List<String> items;

    private RecipientList(List<String> items) {
        this.items = items;
    }

    /** Splits the comma list, ignoring blanks around and between items. */
    static RecipientList parse(String to) {
        return new RecipientList(Arrays.stream(to.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).distinct().toList());
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * A sentence per item that is no recipient kind, no CRM login and no screen name, or a
     * room where the API in use has none ({@code rooms} false).
     */
    List<String> problems(CrmSdk crm, boolean rooms) {
        List<String> problems = new ArrayList<>();
        for (String item : items) {
            if (item.equals(QUEUE_ROOM) && !rooms) {
                problems.add("'" + QUEUE_ROOM + "' needs api=v2: X API v1.1 has no group"
                        + " conversations; use " + QUEUE_MEMBERS + " to notify each member");
            }
            if (item.startsWith("@") && !item.matches(SCREEN_NAME)) {
                problems.add("'" + item + "' is not a Twitter screen name (@ and 1 to 15 letters,"
                        + " digits or _)");
            } else if (!item.startsWith("@") && !isKind(item) && !crm.userExists(item)) {
                problems.add("'" + item + "' is not a CRM login; valid entries are "
                        + QUEUE_MEMBERS + ", " + QUEUE_ROOM + ", " + CASE_OWNER
                        + ", CRM logins and @screen_names");
            }
        }
        return problems;
    }

    /** The recipients for one event, in order, each once; the actor only if asked for. */
    List<Recipient> resolve(RuleEvent event, CrmSdk crm, boolean notifyActor) {
        Set<Recipient> recipients = new LinkedHashSet<>();
        for (String item : items) {
            if (item.equals(QUEUE_MEMBERS)) {
                event.kase().queue().ifPresent(q ->
                        crm.queueMembers(q).forEach(m -> recipients.add(Recipient.login(m))));
            } else if (item.equals(QUEUE_ROOM)) {
                event.kase().queue().ifPresent(q -> recipients.add(Recipient.queueRoom(q)));
            } else if (item.equals(CASE_OWNER)) {
                event.kase().owner().ifPresent(o -> recipients.add(Recipient.login(o)));
            } else if (item.startsWith("@")) {
                recipients.add(Recipient.screenName(item));
            } else {
                recipients.add(Recipient.login(item));
            }
        }
        if (!notifyActor) {
            recipients.remove(Recipient.login(event.actor()));
        }
        return List.copyOf(recipients);
    }

    private static boolean isKind(String item) {
        return item.equals(QUEUE_MEMBERS) || item.equals(QUEUE_ROOM) || item.equals(CASE_OWNER);
    }
}
