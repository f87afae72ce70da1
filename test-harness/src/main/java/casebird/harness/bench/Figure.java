package casebird.harness.bench;

import java.util.Locale;

/**
 * One row of the benchmark table: what was measured, its value and, where the issue sets
 * one, the goal and whether the value met it.
 */
record Figure(String name, String value, String goal, String verdict) {

    /** A figure with no goal. */
    static Figure of(String name, String value) {
        return new Figure(name, value, "", "");
    }

    /** A figure checked against its goal. */
    static Figure checked(String name, String value, String goal, boolean met) {
        return new Figure(name, value, goal, met ? "met" : "MISSED");
    }

    static String millis(double nanos) {
        return format("%.2f ms", nanos / 1e6);
    }

    static String rate(double perSecond, String unit) {
        return format("%.0f %s/s", perSecond, unit);
    }

    static String megabytes(double bytes) {
        return format("%.2f MB", bytes / (1024 * 1024));
    }

    static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
