package casebird.twitter.command;

import casebird.api.crm.CrmCase;
import casebird.twitter.outbox.DmText;
import java.util.List;

/** The reply to {@code mine}: the agent's open cases, newest first, as many as fit one DM. */
final class MineReply {

    /** Longest title shown in the list, so one case can never crowd out the others. */
    static final int MAX_TITLE_LENGTH = 200;

    private MineReply() {}

    /** Lists the cases in the order given, saying how many more there are if cut. */
    static String of(List<CrmCase> newestFirst) {
        int total = newestFirst.size();
        if (total == 0) {
            return "You have no open cases.";
        }
        StringBuilder reply = new StringBuilder(header(total));
        int shown = 0;
        for (CrmCase openCase : newestFirst) {
            String line = "\n#" + openCase.id() + " "
                    + DmText.shorten(openCase.title(), MAX_TITLE_LENGTH);
            int left = total - shown - 1;
            int room = DmText.MAX_LENGTH - (left == 0 ? 0 : more(left).length());
            if (reply.length() + line.length() > room) {
                break;
            }
            reply.append(line);
            shown++;
        }
        return shown == total ? reply.toString() : reply.append(more(total - shown)).toString();
    }

    private static String header(int total) {
        return total == 1 ? "You have 1 open case:" : "You have " + total
                + " open cases, newest first:";
    }

    private static String more(int notShown) {
        return "\n\u2026and " + notShown + " more.";
    }
}
