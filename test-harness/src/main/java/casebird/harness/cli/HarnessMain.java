package casebird.harness.cli;

/** Placeholder replaced by the real CLI. */
public final class HarnessMain {
    public static void main(String[] args) {
    }
}
