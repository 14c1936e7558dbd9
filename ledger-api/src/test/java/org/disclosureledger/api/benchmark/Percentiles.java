package org.disclosureledger.api.benchmark;

import java.util.Arrays;

/** Nearest-rank percentiles of a set of latency samples. */
final class Percentiles {

    private final long[] sorted;

    Percentiles(long[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sorted = samples.clone();
        Arrays.sort(sorted);
    }

    /** The sample at percentile {@code p} (0 < p <= 100) by the nearest-rank method. */
    long at(double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    int count() {
        return sorted.length;
    }
}
