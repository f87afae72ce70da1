package casebird.twitter.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Joins pending DMs to one recipient into as few DMs as one DM's length allows: their texts
 * one per line in the order given (command replies, then notices, each oldest first). The
 * recipient is the outbox's recipient identity, whatever its kind.
 */
final class NoticeDigest {

    private NoticeDigest() {}

    /**
     * The DMs to send, each a list of entries to one recipient: DMs that carry a command
     * reply first, then the rest, each group by its oldest entry.
     */
    static List<List<OutboxEntry>> join(List<OutboxEntry> notices) {
        Map<Recipient, List<List<OutboxEntry>>> byRecipient = new LinkedHashMap<>();
        Map<Recipient, Integer> chars = new LinkedHashMap<>();
        for (OutboxEntry e : notices) {
            List<List<OutboxEntry>> dms = byRecipient.computeIfAbsent(e.to(),
                    r -> new ArrayList<>(List.of(new ArrayList<>())));
            int used = chars.getOrDefault(e.to(), -1);
            int needed = used + 1 + e.text().length();
            if (used >= 0 && needed > DmText.MAX_LENGTH) {
                dms.add(new ArrayList<>());
                needed = e.text().length();
            }
            dms.get(dms.size() - 1).add(e);
            chars.put(e.to(), needed);
        }
        List<List<OutboxEntry>> all = new ArrayList<>();
        byRecipient.values().forEach(all::addAll);
        all.sort(Comparator.comparing((List<OutboxEntry> dm) -> !dm.get(0).reply())
                .thenComparingLong(dm -> dm.get(0).id()));
        return all;
    }

    /** The text of one joined DM. */
    static String text(List<OutboxEntry> entries) {
        StringBuilder text = new StringBuilder();
        for (OutboxEntry e : entries) {
            text.append(text.length() == 0 ? "" : "\n").append(e.text());
        }
        return text.toString();
    }
}
