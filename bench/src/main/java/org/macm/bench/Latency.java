package org.macm.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Round-trip latencies of one run, sorted, with nearest-rank percentiles in milliseconds. */
final class Latency {
    private final long[] sortedNanos;

    private Latency(long[] sortedNanos) {
        this.sortedNanos = sortedNanos;
    }

    static Latency of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latency(copy);
    }

    /** All the latencies of {@code parts} together, as if measured in one run. */
    static Latency merge(List<Latency> parts) {
        long[] all = new long[parts.stream().mapToInt(Latency::count).sum()];
        int at = 0;
        for (Latency l : parts) {
            System.arraycopy(l.sortedNanos, 0, all, at, l.sortedNanos.length);
            at += l.sortedNanos.length;
        }
        return of(all);
    }

    int count() {
        return sortedNanos.length;
    }

    /** The smallest latency that at least {@code fraction} of the round trips did not exceed; NaN if none. */
    double millis(double fraction) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(fraction * sortedNanos.length);
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, rank - 1))] / 1e6;
    }

    double maxMillis() {
        return sortedNanos.length == 0 ? Double.NaN : sortedNanos[sortedNanos.length - 1] / 1e6;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms (n=%d)", millis(0.50),
                millis(0.99), millis(0.999), maxMillis(), count());
    }
}
