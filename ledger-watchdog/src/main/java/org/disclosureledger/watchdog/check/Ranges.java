package org.disclosureledger.watchdog.check;

import java.util.ArrayList;
import java.util.List;

/** Sorted numbers written as ranges: {@code 3, 7-9, 12}. */
public final class Ranges {

    private Ranges() {}

    /** Closed ranges {@code [from, to]} of the sorted, distinct numbers. */
    public static List<long[]> of(List<Long> sorted) {
        List<long[]> ranges = new ArrayList<>();
        for (long n : sorted) {
            if (!ranges.isEmpty() && ranges.get(ranges.size() - 1)[1] == n - 1) {
                ranges.get(ranges.size() - 1)[1] = n;
            } else {
                ranges.add(new long[] {n, n});
            }
        }
        return ranges;
    }

    public static String format(List<long[]> ranges) {
        StringBuilder text = new StringBuilder();
        for (long[] r : ranges) {
            text.append(text.isEmpty() ? "" : ", ").append(r[0]);
            if (r[1] != r[0]) {
                text.append('-').append(r[1]);
            }
        }
        return text.toString();
    }

    public static long count(List<long[]> ranges) {
        return ranges.stream().mapToLong(r -> r[1] - r[0] + 1).sum();
    }
}
