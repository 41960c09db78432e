package org.macm.station.traffic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How long something took over a set of messages: how many were measured, the median and the
 * 95th percentile by nearest rank, and the maximum (docs/PROTOCOL.md §16). Nearest rank picks a
 * value that occurred, never an average of two, so both stations get the very same figure from
 * the same entries.
 */
public record Spread(int count, Optional<Duration> median, Optional<Duration> p95, Optional<Duration> max) {
    public static final Spread NONE = new Spread(0, Optional.empty(), Optional.empty(), Optional.empty());

    public static Spread of(List<Duration> values) {
        if (values.isEmpty()) {
            return NONE;
        }
        List<Duration> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return new Spread(sorted.size(), Optional.of(nearestRank(sorted, 50)), Optional.of(nearestRank(sorted, 95)),
                Optional.of(sorted.get(sorted.size() - 1)));
    }

    /** The {@code percent}th percentile of {@code sorted} (ascending, not empty): its value of rank ceil(P/100 × n). */
    static Duration nearestRank(List<Duration> sorted, int percent) {
        int n = sorted.size();
        // ceil(percent * n / 100) in integers, at least rank 1.
        int rank = Math.max(1, (percent * n + 99) / 100);
        return sorted.get(rank - 1);
    }
}
