package org.amicus.benchmarks;

import java.util.Arrays;

/** A sample of durations in nanoseconds, and its percentiles in milliseconds. */
final class Latencies {

    private final long[] sorted;

    Latencies(long[] nanos) {
        this.sorted = nanos.clone();
        Arrays.sort(sorted);
    }

    int size() {
        return sorted.length;
    }

    /** The value at or below which {@code percent} of the sample lies, in milliseconds. */
    double percentile(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    double max() {
        return percentile(100);
    }

    /** The sample's distribution as "milliseconds fraction" lines, at most {@code points} of them, for a plot. */
    String distribution(int points) {
        StringBuilder lines = new StringBuilder();
        int step = Math.max(1, sorted.length / points);
        for (int i = 0; i < sorted.length; i += step) {
            lines.append(String.format("%.4f %.5f%n", sorted[i] / 1e6, (i + 1.0) / sorted.length));
        }
        return lines.append(String.format("%.4f 1.0%n", max())).toString();
    }
}
