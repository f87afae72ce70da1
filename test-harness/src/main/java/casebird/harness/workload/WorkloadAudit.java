package casebird.harness.workload;

import casebird.api.crm.CaseNote;
import casebird.harness.crm.InMemoryCrm;
import casebird.harness.crm.CrmEffect;
import casebird.harness.scenario.World;
import casebird.harness.twitter.DirectMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a world against a workload: how often each command took effect in the CRM, and
 * how often each dispatch notice reached each queue member.
 */
public final class WorkloadAudit {

    /**
     * The figures the crash test prints: {@code duplicatedDms} counts notices that arrived
     * more than once, {@code repeatingDms} the DMs that repeated at least one notice (a
     * resent digest repeats all of its notices in one DM).
     */
    public record Figures(int commands, int notifications, int duplicatedEffects,
            int lostEffects, int duplicatedDms, int repeatingDms, int undelivered) {

        /** Whether every command took effect and every notice arrived (duplicates aside). */
        public boolean complete() {
            return lostEffects == 0 && undelivered == 0;
        }
    }

    private WorkloadAudit() {}

    /** Counts effects and notices as the world holds them now. */
    public static Figures audit(Workload workload, World world) {
        Map<String, Integer> effects = effectCounts(world.crm());
        Notices notices = notices(world, noticeKeys(workload));
        int commands = 0;
        int notifications = 0;
        int duplicated = 0;
        int lost = 0;
        int duplicatedDms = 0;
        int undelivered = 0;
        for (Workload.Step step : workload.steps()) {
            if (step instanceof Workload.Command c) {
                commands++;
                List<Integer> counts = effectsOf(c, effects);
                duplicated += Math.max(0, counts.stream().mapToInt(i -> i).max().orElse(0) - 1);
                lost += counts.contains(0) ? 1 : 0;
            } else if (step instanceof Workload.Dispatch d) {
                for (Workload.Agent member : workload.membersOf(d.queue())) {
                    notifications++;
                    int got = notices.counts().getOrDefault(noticeKey(member, d), 0);
                    duplicatedDms += Math.max(0, got - 1);
                    undelivered += got == 0 ? 1 : 0;
                }
            }
        }
        return new Figures(commands, notifications, duplicated, lost, duplicatedDms,
                notices.repeatingDms(), undelivered);
    }

    /** How often each of a command's effects is in the CRM (a close with a note has two). */
    private static List<Integer> effectsOf(Workload.Command c, Map<String, Integer> effects) {
        String user = c.agent().login();
        String kind = switch (c.kind()) {
            case ACCEPT -> "accept";
            case LOG -> "note";
            case CLOSE -> "close";
        };
        int main = effects.getOrDefault(key(c.caseId(), kind, user,
                c.kind() == Workload.Kind.LOG ? c.note() : ""), 0);
        if (c.kind() == Workload.Kind.CLOSE && !c.note().isEmpty()) {
            return List.of(main, effects.getOrDefault(key(c.caseId(), "note", user, c.note()),
                    0));
        }
        return List.of(main);
    }

    /** Effect counts by case, kind, user and (for notes) text, from effects and notes. */
    private static Map<String, Integer> effectCounts(InMemoryCrm crm) {
        Map<String, Integer> counts = new HashMap<>();
        for (CrmEffect entry : crm.effects()) {
            if (entry.kind().equals("accept") || entry.kind().equals("close")) {
                counts.merge(key(entry.caseId(), entry.kind(), entry.user(), ""), 1,
                        Integer::sum);
            }
        }
        for (long caseId : crm.effects().stream().mapToLong(CrmEffect::caseId).distinct()
                .toArray()) {
            for (CaseNote note : crm.findCase(caseId).orElseThrow().notes()) {
                counts.merge(key(caseId, "note", note.author(), note.text()), 1, Integer::sum);
            }
        }
        return counts;
    }

    /** How often each notice reached each account, and how many DMs repeated one. */
    private record Notices(Map<String, Integer> counts, int repeatingDms) {}

    private static Set<String> noticeKeys(Workload workload) {
        Set<String> keys = new HashSet<>();
        for (Workload.Step step : workload.steps()) {
            if (step instanceof Workload.Dispatch d) {
                workload.membersOf(d.queue()).forEach(m -> keys.add(noticeKey(m, d)));
            }
        }
        return keys;
    }

    private static String noticeKey(Workload.Agent member, Workload.Dispatch d) {
        return member.screenName() + "|" + Workload.notice(d.caseId());
    }

    /** Counts the bot's DMs' lines that are notices, keyed "screen name|line". */
    private static Notices notices(World world, Set<String> noticeKeys) {
        long botId = world.bot().id();
        Map<Long, String> names = new HashMap<>();
        world.twitter().accounts().forEach(a -> names.put(a.id(), a.screenName()));
        Map<String, Integer> counts = new HashMap<>();
        int repeating = 0;
        for (DirectMessage dm : world.twitter().messages()) {
            if (dm.senderId() != botId) {
                continue;
            }
            boolean repeats = false;
            for (String line : dm.text().split("\n")) {
                String key = names.get(dm.recipientId()) + "|" + line.strip();
                if (noticeKeys.contains(key)) {
                    repeats |= counts.merge(key, 1, Integer::sum) > 1;
                }
            }
            repeating += repeats ? 1 : 0;
        }
        return new Notices(counts, repeating);
    }

    private static String key(long caseId, String kind, String user, String text) {
        return caseId + "|" + kind + "|" + user + "|" + text;
    }
}
