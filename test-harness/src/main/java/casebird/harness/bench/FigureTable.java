package casebird.harness.bench;

import java.io.PrintStream;
import java.util.List;

/** Prints figures as a fixed-width table: figure, value, goal, verdict. */
final class FigureTable {

    private FigureTable() {}

    static void print(List<Figure> figures, PrintStream out) {
        int name = width(figures.stream().map(Figure::name).toList(), "figure");
        int value = width(figures.stream().map(Figure::value).toList(), "value");
        int goal = width(figures.stream().map(Figure::goal).toList(), "goal");
        String row = "| %-" + name + "s | %" + value + "s | %-" + goal + "s | %-6s |%n";
        out.printf(row, "figure", "value", "goal", "");
        out.println("|" + "-".repeat(name + 2) + "|" + "-".repeat(value + 1) + ":|"
                + "-".repeat(goal + 2) + "|--------|");
        for (Figure f : figures) {
            out.printf(row, f.name(), f.value(), f.goal(), f.verdict());
        }
    }

    private static int width(List<String> cells, String header) {
        return Math.max(header.length(), cells.stream().mapToInt(String::length).max().orElse(0));
    }
}
