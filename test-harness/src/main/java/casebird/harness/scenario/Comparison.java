package casebird.harness.scenario;

import java.math.BigDecimal;

/** A count or amount check such as {@code <= 20}, {@code = 0}, a bare {@code 2}, {@code < 0.5}. */
public record Comparison(String operator, BigDecimal value) {

    /** A check against a whole number. */
    public Comparison(String operator, long value) {
        this(operator, BigDecimal.valueOf(value));
    }

    /** Whether the actual count passes this check. */
    public boolean test(long actual) {
        return test(BigDecimal.valueOf(actual));
    }

    /** Whether the actual amount passes this check (compared by value, not by scale). */
    public boolean test(BigDecimal actual) {
        int sign = actual.compareTo(value);
        switch (operator) {
            case "<=": return sign <= 0;
            case ">=": return sign >= 0;
            case "<": return sign < 0;
            case ">": return sign > 0;
            default: return sign == 0;
        }
    }

    @Override
    public String toString() {
        return operator + " " + value.toPlainString();
    }
}
