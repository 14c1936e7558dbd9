package org.disclosureledger.api.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * How long the JIT spent compiling since a point in a benchmark, summed over its compiler threads (so it can exceed the
 * time that passed): a window measured while the JIT still compiles much measures a JVM still warming up.
 */
final class Compiling {

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final Duration QUIET_WINDOW = Duration.ofSeconds(1);
    private static final long QUIET_MILLIS = 20;

    private final long startedMillis;

    private Compiling(long startedMillis) {
        this.startedMillis = startedMillis;
    }

    static Compiling since() {
        return new Compiling(JIT.getTotalCompilationTime());
    }

    long millis() {
        return JIT.getTotalCompilationTime() - startedMillis;
    }

    /**
     * Waits until the JIT has compiled for less than 20 ms in a second, or until {@code patience} has passed, and
     * returns how long it waited. After a warm-up the JIT goes on compiling what the warm-up made hot, for seconds, and
     * on two cores that takes CPU from whatever is measured next.
     */
    static Duration awaitQuiet(Duration patience) throws InterruptedException {
        long started = System.nanoTime();
        long before = JIT.getTotalCompilationTime();
        while (true) {
            Thread.sleep(QUIET_WINDOW.toMillis());
            long now = JIT.getTotalCompilationTime();
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (now - before < QUIET_MILLIS || waited.compareTo(patience) >= 0) {
                return waited;
            }
            before = now;
        }
    }
}
