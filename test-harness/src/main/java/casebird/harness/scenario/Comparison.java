package casebird.harness.scenario;

/** A count check such as {@code <= 20}, {@code = 0} or a bare {@code 2}. */
public record Comparison(String operator, long value) {

    /** Whether the actual count passes this check. */
    public boolean test(long actual) {
        switch (operator) {
            case "<=": return actual <= value;
            case ">=": return actual >= value;
            case "<": return actual < value;
            case ">": return actual > value;
            default: return actual == value;
        }
    }

    @Override
    public String toString() {
        return operator + " " + value;
    }
}
