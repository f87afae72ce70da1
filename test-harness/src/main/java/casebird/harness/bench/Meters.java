package casebird.harness.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Reads the JVM's clocks and gauges: CPU time, heap in use after GC, live threads. */
final class Meters {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private Meters() {}

    /** CPU time of the whole process (every thread, the JIT and GC included), in ns. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time of the live threads whose names start with the prefix, in ns. */
    static long threadCpuNanos(String namePrefix) {
        return liveThreads().stream().filter(t -> t.getName().startsWith(namePrefix))
                .mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
    }

    /** Heap in use once repeated full collections stop freeing more than 1%. */
    static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(50);
            long now = MEMORY.getHeapMemoryUsage().getUsed();
            boolean settled = now > used - used / 100;
            used = Math.min(used, now);
            if (settled) {
                break;
            }
        }
        return used;
    }

    static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet();
    }

    /** The names of live threads that were not in {@code before}, sorted. */
    static List<String> threadsSince(Set<Thread> before) {
        return liveThreads().stream().filter(t -> !before.contains(t)).map(Thread::getName)
                .sorted().toList();
    }

    /** The {@code p}th percentile (nearest rank) of the samples. */
    static long percentile(long[] samples, double p) {
        long[] sorted = samples.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }
}
