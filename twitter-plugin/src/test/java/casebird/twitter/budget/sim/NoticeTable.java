package casebird.twitter.budget.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The v2 notice figures of every trace as one table, a column per way of addressing notices
 * ({@link #MODES}: one DM per agent today; a queue's room is to be one more column).
 */
final class NoticeTable {

    /** The ways of addressing notices the simulator runs, one column each. */
    static final List<String> MODES = List.of("one-to-one");

    private static final Map<String, Function<SimRun, String>> FIGURES = figures();

    private final Map<String, Map<String, SimRun>> runs = new LinkedHashMap<>();

    /** Records a trace's run in one mode. */
    void add(String trace, String mode, SimRun run) {
        runs.computeIfAbsent(trace, t -> new LinkedHashMap<>()).put(mode, run);
    }

    /** The table, in Markdown. */
    String render() {
        StringBuilder out = new StringBuilder("v2 notices per trace and mode\n| trace | figure |");
        MODES.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(MODES.size())).append('\n');
        for (Map.Entry<String, Map<String, SimRun>> trace : runs.entrySet()) {
            for (Map.Entry<String, Function<SimRun, String>> figure : FIGURES.entrySet()) {
                List<String> cells = new ArrayList<>();
                for (String mode : MODES) {
                    SimRun run = trace.getValue().get(mode);
                    cells.add(run == null ? "-" : figure.getValue().apply(run));
                }
                out.append("| ").append(trace.getKey()).append(" | ").append(figure.getKey())
                        .append(" | ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return out.toString();
    }

    private static Map<String, Function<SimRun, String>> figures() {
        Map<String, Function<SimRun, String>> f = new LinkedHashMap<>();
        f.put("longest notice delay", r -> SimRun.text(r.noticeDelay(1.0)));
        f.put("p99 notice delay", r -> SimRun.text(r.noticeDelay(0.99)));
        f.put("sends per UTC day", r -> r.sendsPerDay());
        f.put("dollars per UTC day", r -> r.spend.report());
        f.put("429s", r -> Integer.toString(r.unexpected429s));
        f.put("lost notices", r -> Integer.toString(r.lostNotices()));
        return f;
    }
}
