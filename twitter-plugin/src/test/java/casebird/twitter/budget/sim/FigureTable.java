package casebird.twitter.budget.sim;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Figures of every trace as one Markdown table, a column per mode: the v2 notice figures
 * per {@link Addressing} ({@link #notices()}), or the v2 command pickup and cost per
 * {@link Push} mode ({@link #pushV2()}).
 */
final class FigureTable {

    private final String title;
    private final List<String> modes;
    private final Map<String, Function<SimRun, String>> figures;
    private final Map<String, Map<String, SimRun>> runs = new LinkedHashMap<>();

    private FigureTable(String title, List<String> modes,
            Map<String, Function<SimRun, String>> figures) {
        this.title = title;
        this.modes = modes;
        this.figures = figures;
    }

    /** Notices one-to-one against rooms under v2, polling. */
    static FigureTable notices() {
        Map<String, Function<SimRun, String>> f = new LinkedHashMap<>();
        f.put("longest notice delay", r -> SimRun.text(r.noticeDelay(1.0)));
        f.put("p99 notice delay", r -> SimRun.text(r.noticeDelay(0.99)));
        f.put("sends per UTC day", SimRun::sendsPerDay);
        f.put("sends carrying notices", r -> Integer.toString(r.noticeSends));
        f.put("dollars per UTC day", r -> r.spend.report());
        f.put("429s", r -> Integer.toString(r.unexpected429s));
        f.put("lost notices", r -> Integer.toString(r.lostNotices()));
        return new FigureTable("v2 notices per trace and mode",
                List.of(Addressing.values()).stream().map(Addressing::label).toList(), f);
    }

    /** Command pickup and dollars under v2, polling against each push mode. */
    static FigureTable pushV2() {
        Map<String, Function<SimRun, String>> f = new LinkedHashMap<>();
        f.put("pickup p50", r -> String.format("%.1f s", r.percentileSeconds(0.5)));
        f.put("pickup p99", r -> String.format("%.1f s", r.percentileSeconds(0.99)));
        f.put("pickup longest", r -> String.format("%.1f s", r.percentileSeconds(1.0)));
        f.put("lost / dup commands", r -> r.lostCommands() + " / " + r.duplicates);
        f.put("list calls", r -> Integer.toString(r.listCalls));
        f.put("deliveries (dropped, lost while down)", r -> r.deliveries);
        f.put("429s", r -> Integer.toString(r.unexpected429s));
        f.put("dollars per UTC day", r -> r.spend.report());
        f.put("of which deliveries", r -> "$" + r.deliveryCharges.setScale(2, RoundingMode.HALF_UP).toPlainString());
        return new FigureTable("v2 commands per trace and push mode",
                Push.V2_MODES.stream().map(Push::name).toList(), f);
    }

    /** Records a trace's run in one mode. */
    void add(String trace, String mode, SimRun run) {
        runs.computeIfAbsent(trace, t -> new LinkedHashMap<>()).put(mode, run);
    }

    /** The table, in Markdown. */
    String render() {
        StringBuilder out = new StringBuilder(title).append("\n| trace | figure |");
        modes.forEach(m -> out.append(' ').append(m).append(" |"));
        out.append("\n|---|---|").append("---|".repeat(modes.size())).append('\n');
        for (Map.Entry<String, Map<String, SimRun>> trace : runs.entrySet()) {
            for (Map.Entry<String, Function<SimRun, String>> figure : figures.entrySet()) {
                List<String> cells = new ArrayList<>();
                for (String mode : modes) {
                    SimRun run = trace.getValue().get(mode);
                    cells.add(run == null ? "-" : figure.getValue().apply(run));
                }
                out.append("| ").append(trace.getKey()).append(" | ").append(figure.getKey())
                        .append(" | ").append(String.join(" | ", cells)).append(" |\n");
            }
        }
        return out.toString();
    }
}
