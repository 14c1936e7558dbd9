package org.disclosureledger.api.benchmark;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * How long the JIT spent compiling since a point in a benchmark, summed over its compiler threads (so it can exceed the
 * time that passed): a window measured while the JIT still compiles much measures a JVM still warming up.
 */
final class Compiling {

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();

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
}
